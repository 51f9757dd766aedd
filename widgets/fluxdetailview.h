#pragma once

#include "flux/fluxevents.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxobjectstatus.h"

#include <QList>
#include <QString>
#include <QTextBrowser>

#include <optional>

namespace Fluxdesk {

// The selected Flux object in detail: readiness and why, revision, its conditions (type, status,
// reason, message, time), what it depends on and reads from (links that select them; a missing
// one said so), what depends on it, and its Events, newest first. Plain read-only text a user
// can select and copy.
class FluxDetailView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit FluxDetailView(QWidget *parent = nullptr);

    // Nothing selected (with a hint) or the object.
    void clearObject(const QString &hint = {});
    void setObject(const FluxObjectStatus &status,
                   const QList<FluxLiveState::Dependency> &dependencies,
                   const QList<FluxRef> &dependents, bool cycle);
    // The Events section: the events, or a line saying why there are none to show.
    void setEvents(const QList<FluxEvent> &events);
    void setEventsNote(const QString &note);
    std::optional<FluxRef> shownRef() const { return m_ref; }

signals:
    // A dependency, source or dependent clicked.
    void refActivated(const Fluxdesk::FluxRef &ref);

private:
    void render();
    QString link(const FluxRef &ref, const QString &text);

    std::optional<FluxRef> m_ref;
    QString m_objectHtml;
    QString m_eventsHtml;
    QList<FluxRef> m_links;
};

} // namespace Fluxdesk
