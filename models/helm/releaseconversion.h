#pragma once

#include "core/error.h"
#include "helm/chartsourceresolver.h"
#include "helm/helmreleasegenerator.h"
#include "kube/helmreleaserecord.h"
#include "manifest/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// The state behind the window's release view, reachable without a window: one release, the
// source the user chose for it, the values as edited and what happens to its credentials (moved
// to a Secret unless the user keeps them inline); every change re-generates the Flux objects. A
// values text that does not parse keeps the last good objects and reports the error in problems().
class ReleaseConversion
{
public:
    explicit ReleaseConversion(ChartSourceContext context = {}, HelmConversionOptions options = {});

    // Starts over with this release: its own values, no choice of source, credentials to a Secret.
    void setRelease(const HelmRelease &release);
    const HelmRelease &release() const { return m_release; }
    bool hasRelease() const { return !m_release.name.isEmpty(); }

    // False for a release that is not deployed; stateMessage() then says why and what to do.
    bool isConvertible() const { return m_convertible; }
    QString stateMessage() const { return m_stateMessage; }

    // The release's own values as YAML (what the values editor starts with).
    QString originalValuesYaml() const;
    // Re-generates with the edited values; false (and a parse problem) when they do not parse.
    bool setValuesYaml(const QString &yaml);
    QJsonObject values() const { return m_values; }

    // "oci://registry/path/chart" or an http(s) repository URL; an error says what is wrong.
    static Result<ChartSource> sourceFromUrl(const QString &url, const QString &chart);
    // Uses a source the user entered (kept as a ChartSourceChoice, the way the plan keeps it).
    Result<ChartSource> chooseSource(const QString &url);
    QList<ChartSourceChoice> userChoices() const { return m_context.userChoices; }
    const ChartSourceContext &context() const { return m_context; }

    // Secret (the default) applies moveCredentialsToSecret() to every generation; Inline keeps
    // the values in spec.values, flagged. False when the handling was already this one.
    bool setCredentialHandling(CredentialHandling handling);
    CredentialHandling credentialHandling() const { return m_credentialHandling; }

    const ChartSourceResolution &resolution() const { return m_resolution; }
    // A sentence saying where the chart source came from.
    QString originText() const;
    // The credential-like values still in spec.values (moved ones are gone): all of them when
    // kept inline, those that cannot be moved otherwise.
    QList<CredentialFinding> credentials() const { return m_credentials; }
    // Those moved to the Secret (none when kept inline).
    QList<CredentialFinding> movedCredentials() const { return m_moved; }
    QJsonObject source() const { return m_source; }
    QJsonObject helmRelease() const { return m_helmRelease; }
    QJsonObject secret() const { return m_secret; } // plain text; empty when nothing moved
    QString generatedYaml() const;                  // source (when known) then HelmRelease
    QString secretYaml() const;
    QList<Problem> problems() const { return m_problems; }
    QStringList checklist() const;

private:
    void regenerate();

    ChartSourceContext m_context;
    HelmConversionOptions m_options;
    HelmRelease m_release;
    QJsonObject m_values;
    CredentialHandling m_credentialHandling = CredentialHandling::Secret;

    bool m_convertible = false;
    QString m_stateMessage;
    ChartSourceResolution m_resolution;
    QList<CredentialFinding> m_credentials;
    QList<CredentialFinding> m_moved;
    QJsonObject m_source;
    QJsonObject m_helmRelease;
    QJsonObject m_secret;
    QList<Problem> m_problems;       // of the last generation
    QList<Problem> m_valuesProblems; // of the values text
};

} // namespace Fluxdesk
