#include "releaseconversion.h"

#include "helm/migrationguide.h"
#include "helm/valuescredentials.h"
#include "manifest/yamljson.h"
#include "manifest/yamlwriter.h"

#include <QCoreApplication>
#include <QUrl>

namespace Fluxdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReleaseConversion", text);
}

// A Kubernetes object name from a repository host: "charts.example.com" -> "charts-example-com".
QString nameFromHost(const QString &host)
{
    QString name;
    for (const QChar c : host.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name.left(63);
}

} // namespace

ReleaseConversion::ReleaseConversion(ChartSourceContext context, HelmConversionOptions options)
    : m_context(std::move(context)), m_options(std::move(options))
{}

void ReleaseConversion::setRelease(const HelmRelease &release)
{
    m_release = release;
    m_values = release.values;
    m_credentialHandling = CredentialHandling::Secret;
    m_valuesProblems.clear();
    regenerate();
}

QString ReleaseConversion::originalValuesYaml() const
{
    return m_release.values.isEmpty() ? QStringLiteral("{}\n") : toYaml(m_release.values);
}

bool ReleaseConversion::setValuesYaml(const QString &yaml)
{
    m_valuesProblems.clear();
    const QString fileName = QStringLiteral("values/%1/%2").arg(m_release.ns, m_release.name);
    QJsonObject values;
    if (!yaml.trimmed().isEmpty()) {
        const Result<QJsonValue> parsed = parseYamlValue(yaml.toUtf8(), fileName);
        Problem problem;
        problem.severity = Problem::Severity::Error;
        problem.file = fileName;
        problem.rule = QStringLiteral("parse-error");
        if (!parsed) {
            problem.line = parsed.error().line;
            problem.column = parsed.error().column;
            problem.message = parsed.error().message;
        } else if (!parsed->isObject() && !parsed->isNull()) {
            problem.message = tr("values must be a map of keys to values");
        } else {
            values = parsed->toObject();
        }
        if (!problem.message.isEmpty()) {
            // The last good objects stay: a typo half-way through an edit must not blank them.
            m_valuesProblems.append(problem);
            m_problems.erase(std::remove_if(m_problems.begin(), m_problems.end(),
                                            [](const Problem &p) {
                                                return p.rule == QLatin1String("parse-error");
                                            }),
                             m_problems.end());
            m_problems.append(problem);
            return false;
        }
    }
    m_values = values;
    regenerate();
    return true;
}

Result<ChartSource> ReleaseConversion::sourceFromUrl(const QString &text, const QString &chart)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty() || !url.isValid() || url.host().isEmpty())
        return Error(tr("Enter a repository URL (https://...) or an OCI chart URL (oci://...)."));
    const QString scheme = url.scheme().toLower();
    ChartSource source;
    if (scheme == QLatin1String("oci")) {
        source.type = ChartSource::Type::Oci;
        QString path = trimmed;
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        // An OCIRepository points at the chart itself; a registry path gets the chart's name.
        if (!chart.isEmpty() && path.section(QLatin1Char('/'), -1) != chart)
            path += QLatin1Char('/') + chart;
        source.url = path;
        source.repositoryName = chart;
    } else if (scheme == QLatin1String("https") || scheme == QLatin1String("http")) {
        source.type = ChartSource::Type::Http;
        source.url = trimmed;
        source.repositoryName = nameFromHost(url.host());
    } else {
        return Error(tr("Unsupported scheme \"%1\": use https://, http:// or oci://.").arg(scheme));
    }
    return source;
}

Result<ChartSource> ReleaseConversion::chooseSource(const QString &url)
{
    Result<ChartSource> source = sourceFromUrl(url, m_release.chartName);
    if (!source)
        return source;
    ChartSourceChoice choice;
    choice.releaseNamespace = m_release.ns;
    choice.releaseName = m_release.name;
    choice.chart = m_release.chartName;
    choice.source = *source;
    // A new choice for this release replaces the old one.
    auto &choices = m_context.userChoices;
    choices.erase(std::remove_if(choices.begin(), choices.end(),
                                 [&](const ChartSourceChoice &c) {
                                     return c.releaseNamespace == choice.releaseNamespace &&
                                            c.releaseName == choice.releaseName;
                                 }),
                  choices.end());
    choices.append(choice);
    regenerate();
    return source;
}

bool ReleaseConversion::setCredentialHandling(CredentialHandling handling)
{
    if (handling == m_credentialHandling)
        return false;
    m_credentialHandling = handling;
    regenerate();
    return true;
}

void ReleaseConversion::regenerate()
{
    m_source = {};
    m_helmRelease = {};
    m_secret = {};
    m_credentials.clear();
    m_moved.clear();
    m_problems = m_valuesProblems;
    m_stateMessage.clear();
    m_convertible = false;
    if (!hasRelease())
        return;

    HelmRelease edited = m_release;
    edited.values = m_values;
    m_resolution = resolveChartSource(edited, m_context);
    const Result<HelmConversion> conversion = convertHelmRelease(edited, m_resolution, m_options);
    if (!conversion) {
        m_stateMessage = conversion.error().message;
        return;
    }
    m_convertible = true;
    m_source = conversion->source;
    m_helmRelease = conversion->helmRelease;
    m_credentials = conversion->credentials;
    QList<Problem> problems = conversion->problems;
    if (m_credentialHandling == CredentialHandling::Secret) {
        const ValuesSecretMove move =
            Fluxdesk::moveCredentialsToSecret(m_helmRelease, m_credentials);
        m_helmRelease = move.helmRelease;
        m_secret = move.secret;
        m_credentials = move.kept;
        m_moved = move.moved;
        // The flags of moved values go; those that stayed are reported again.
        problems.erase(std::remove_if(problems.begin(), problems.end(),
                                      [](const Problem &p) {
                                          return p.rule == QLatin1String("helm-values-credential");
                                      }),
                       problems.end());
        problems += credentialProblems(edited, move.kept);
    }
    m_problems += problems;
}

QString ReleaseConversion::originText() const
{
    switch (m_resolution.origin) {
    case ChartSourceOrigin::UserChoice:
        return tr("Chosen by you");
    case ChartSourceOrigin::HelmClient:
        return tr("From your Helm client's repositories (the chart's index lists this version)");
    case ChartSourceOrigin::Catalog:
        return tr("From Fluxdesk's chart catalog");
    case ChartSourceOrigin::HelmClientNameOnly:
        return tr("From your Helm client's repositories, which list the chart but not this "
                  "version: check it is still published");
    case ChartSourceOrigin::Unknown:
        break;
    }
    return tr("Unknown: no Helm repository or catalog entry lists this chart");
}

QString ReleaseConversion::generatedYaml() const
{
    QList<QJsonObject> documents;
    if (!m_source.isEmpty())
        documents.append(m_source);
    if (!m_helmRelease.isEmpty())
        documents.append(m_helmRelease);
    return documents.isEmpty() ? QString() : toYamlDocuments(documents);
}

QString ReleaseConversion::secretYaml() const
{
    return m_secret.isEmpty() ? QString() : toYamlDocuments({m_secret});
}

QStringList ReleaseConversion::checklist() const
{
    return hasRelease() ? helmMigrationChecklist(m_release) : QStringList();
}

} // namespace Fluxdesk
