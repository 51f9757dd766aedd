#include "fluxdetailview.h"

#include "fluxstatusdelegate.h"

#include <QLocale>
#include <QScrollBar>
#include <QUrl>

namespace Fluxdesk {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

} // namespace

FluxDetailView::FluxDetailView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const int i = url.path().toInt(&ok);
        if (url.scheme() == QLatin1String("fluxref") && ok && i >= 0 && i < m_links.size())
            emit refActivated(m_links.at(i));
    });
    clearObject();
}

void FluxDetailView::clearObject(const QString &hint)
{
    m_ref.reset();
    m_links.clear();
    m_objectHtml =
        QStringLiteral("<p>%1</p>")
            .arg(esc(hint.isEmpty() ? tr("Select a Flux object to see its conditions, what it "
                                         "depends on and its events.")
                                    : hint));
    m_eventsHtml.clear();
    render();
}

QString FluxDetailView::link(const FluxRef &ref, const QString &text)
{
    m_links.append(ref);
    return QStringLiteral("<a href=\"fluxref:%1\">%2</a>").arg(m_links.size() - 1).arg(esc(text));
}

void FluxDetailView::setObject(const FluxObjectStatus &status,
                               const QList<FluxLiveState::Dependency> &dependencies,
                               const QList<FluxRef> &dependents, bool cycle)
{
    const bool sameObject = m_ref && *m_ref == status.ref();
    m_ref = status.ref();
    m_links.clear();
    if (!sameObject)
        m_eventsHtml.clear();
    QString html;
    const QColor colour = FluxStatusDelegate::colour(status.readiness());
    html +=
        QStringLiteral("<h3>%1 %2/%3</h3>").arg(esc(status.kind), esc(status.ns), esc(status.name));
    html += QStringLiteral("<p><b style=\"color:%1\">%2</b> %3</p>")
                .arg(colour.name(), esc(FluxReadinessRules::text(status.readiness())),
                     esc(status.verdict.reason));
    if (!status.verdict.message.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(status.verdict.message));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    const auto row = [&html](const QString &label, const QString &valueHtml) {
        if (!valueHtml.isEmpty())
            html += QStringLiteral("<tr><td><i>%1</i>&nbsp;</td><td>%2</td></tr>")
                        .arg(esc(label), valueHtml);
    };
    row(tr("Revision"), esc(status.revision));
    if (status.lastAttemptedRevision != status.revision)
        row(tr("Last attempted"), esc(status.lastAttemptedRevision));
    row(tr("Last applied"), esc(timeText(status.lastApplied)));
    if (status.releaseRevision > 0)
        row(tr("Helm release"), esc(tr("%1 in %2, revision %3")
                                        .arg(status.releaseName, status.storageNamespace)
                                        .arg(status.releaseRevision)));
    if (status.suspended)
        row(tr("Suspended"), esc(tr("yes: Flux leaves it alone until it is resumed")));
    QStringList sources;
    QStringList depends;
    for (const FluxLiveState::Dependency &d : dependencies) {
        QString text =
            link(d.ref, d.ref.kind + QLatin1Char(' ') + d.ref.ns + QLatin1Char('/') + d.ref.name);
        if (!d.present)
            //: After a referenced Flux object that the cluster does not have
            text += QLatin1Char(' ') + esc(tr("(missing)"));
        if (d.kind == FluxLiveState::Dependency::Kind::DependsOn)
            depends.append(text);
        else
            sources.append(text);
    }
    row(tr("Source"), sources.join(QLatin1String(", ")));
    row(tr("Depends on"), depends.join(QLatin1String(", ")));
    QStringList users;
    for (const FluxRef &ref : dependents)
        users.append(link(ref, ref.kind + QLatin1Char(' ') + ref.ns + QLatin1Char('/') + ref.name));
    row(tr("Used by"), users.join(QLatin1String(", ")));
    if (cycle)
        row(tr("Cycle"),
            esc(tr("its dependsOn chain leads back to itself: Flux never applies it")));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Conditions")));
    if (status.conditions.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No conditions reported yet.")));
    } else {
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>%1"
                               "</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(esc(tr("Type")), esc(tr("Status")), esc(tr("Reason")), esc(tr("Message")),
                         esc(tr("Since")));
        for (const FluxCondition &c : status.conditions)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                   "</tr>")
                        .arg(esc(c.type), esc(c.status), esc(c.reason), esc(c.message),
                             esc(timeText(c.lastTransitionTime)));
        html += QStringLiteral("</table>");
    }
    m_objectHtml = html;
    render();
}

void FluxDetailView::setEvents(const QList<FluxEvent> &events)
{
    if (events.isEmpty()) {
        setEventsNote(tr("No events about this object (the cluster keeps them for an hour)."));
        return;
    }
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>"
                                  "<th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                       .arg(esc(tr("Time")), esc(tr("Type")), esc(tr("Reason")), esc(tr("Message")),
                            esc(tr("From")));
    for (const FluxEvent &e : events) {
        const QString count = e.count > 1 ? QStringLiteral(" (×%1)").arg(e.count) : QString();
        const QString type =
            e.type == QLatin1String("Warning")
                ? QStringLiteral("<b style=\"color:%1\">%2</b>")
                      .arg(FluxStatusDelegate::colour(FluxReadiness::Failed).name(), esc(e.type))
                : esc(e.type);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(esc(timeText(e.time) + count), type, esc(e.reason), esc(e.message),
                         esc(e.source));
    }
    html += QStringLiteral("</table>");
    m_eventsHtml = html;
    render();
}

void FluxDetailView::setEventsNote(const QString &note)
{
    m_eventsHtml = QStringLiteral("<p>%1</p>").arg(esc(note));
    render();
}

void FluxDetailView::render()
{
    QString html = m_objectHtml;
    if (m_ref)
        html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Events"))) + m_eventsHtml;
    // Keep the reader's place while the status refreshes underneath.
    const int scroll = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace Fluxdesk
