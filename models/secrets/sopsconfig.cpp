#include "sopsconfig.h"

#include "manifest/yamljson.h"
#include "secrets/age.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Fluxdesk::Sops {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::Sops::Config", text);
}

const QLatin1String
    FluxSecretsPathRegex("(^|/)(clusters|infrastructure|workloads)/.+-secret\\.ya?ml$");
const QLatin1String FluxSecretsEncryptedRegex("^(data|stringData)$");

Error errorAt(const QString &message, const QString &fileName, const YamlDocument &doc,
              const QString &path)
{
    const QPair<int, int> at = doc.positionOf(path);
    return Error(message, fileName, at.first, at.second);
}

QStringList recipientsOf(const QJsonValue &value)
{
    QStringList out;
    const auto add = [&out](const QString &text) {
        const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString recipient = part.trimmed();
            if (!recipient.isEmpty() && !out.contains(recipient))
                out.append(recipient);
        }
    };
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        for (const QJsonValue &item : list)
            add(item.toString());
    } else {
        add(value.toString());
    }
    return out;
}

// A single-quoted YAML scalar: no escapes but '' for a quote, so a regular expression's
// backslashes stay as written.
QString singleQuoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString ruleText(const CreationRule &rule, const QString &indent)
{
    const QString inner = indent + QStringLiteral("  ");
    QString out = indent + QStringLiteral("- path_regex: ") + singleQuoted(rule.pathRegex) +
                  QLatin1Char('\n');
    if (!rule.rules.encryptedRegex.isEmpty())
        out += inner + QStringLiteral("encrypted_regex: ") +
               singleQuoted(rule.rules.encryptedRegex) + QLatin1Char('\n');
    out += inner + QStringLiteral("age: ") + rule.ageRecipients.join(QLatin1Char(',')) +
           QLatin1Char('\n');
    return out;
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

const CreationRule *Config::ruleFor(const QString &relativePath, const QString &absolutePath) const
{
    for (const CreationRule &rule : creationRules) {
        if (rule.pathRegex.isEmpty())
            return &rule;
        const QRegularExpression re(rule.pathRegex);
        if (re.match(relativePath).hasMatch() ||
            (!absolutePath.isEmpty() && re.match(absolutePath).hasMatch()))
            return &rule;
    }
    return nullptr;
}

Result<Config> parseConfig(const QByteArray &text, const QString &fileName)
{
    YamlParseOptions options;
    options.recordPositions = true;
    Result<QList<YamlDocument>> docs = parseYamlDocuments(text, fileName, options);
    if (!docs)
        return docs.error();
    Config config;
    if (docs->isEmpty())
        return config;
    const YamlDocument &doc = docs->constFirst();
    if (!doc.value.isObject())
        return errorAt(tr(".sops.yaml must be a mapping"), fileName, doc, QString());
    const QJsonValue rules = doc.value.toObject().value(QLatin1String("creation_rules"));
    if (rules.isUndefined() || rules.isNull())
        return config;
    if (!rules.isArray())
        return errorAt(tr("creation_rules must be a list"), fileName, doc,
                       QStringLiteral("creation_rules"));
    const QJsonArray list = rules.toArray();
    for (int n = 0; n < list.size(); ++n) {
        const QString at = yamlPathIndex(QStringLiteral("creation_rules"), n);
        if (!list.at(n).isObject())
            return errorAt(tr("a creation rule must be a mapping"), fileName, doc, at);
        const QJsonObject o = list.at(n).toObject();
        CreationRule rule;
        rule.line = doc.positionOf(at).first;
        rule.pathRegex = o.value(QLatin1String("path_regex")).toString();
        if (!rule.pathRegex.isEmpty() && !QRegularExpression(rule.pathRegex).isValid())
            return errorAt(tr("path_regex is not a regular expression: %1")
                               .arg(QRegularExpression(rule.pathRegex).errorString()),
                           fileName, doc, yamlPathKey(at, QStringLiteral("path_regex")));
        rule.ageRecipients = recipientsOf(o.value(QLatin1String("age")));
        for (const QString &recipient : std::as_const(rule.ageRecipients)) {
            if (!Age::isRecipient(recipient))
                return errorAt(tr("not an age recipient: %1").arg(recipient), fileName, doc,
                               yamlPathKey(at, QStringLiteral("age")));
        }
        rule.rules.encryptedRegex = o.value(QLatin1String("encrypted_regex")).toString();
        rule.rules.unencryptedRegex = o.value(QLatin1String("unencrypted_regex")).toString();
        rule.rules.encryptedSuffix = o.value(QLatin1String("encrypted_suffix")).toString();
        rule.rules.unencryptedSuffix = o.value(QLatin1String("unencrypted_suffix")).toString();
        rule.rules.encryptedCommentRegex =
            o.value(QLatin1String("encrypted_comment_regex")).toString();
        rule.rules.unencryptedCommentRegex =
            o.value(QLatin1String("unencrypted_comment_regex")).toString();
        rule.rules.macOnlyEncrypted = o.value(QLatin1String("mac_only_encrypted")).toBool();
        for (const QLatin1String key :
             {QLatin1String("pgp"), QLatin1String("kms"), QLatin1String("gcp_kms"),
              QLatin1String("azure_keyvault"), QLatin1String("hc_vault_transit_uri"),
              QLatin1String("key_groups")}) {
            if (o.contains(key))
                rule.hasOtherKeys = true;
        }
        config.creationRules.append(rule);
    }
    return config;
}

CreationRule fluxSecretsRule(const QStringList &recipients)
{
    CreationRule rule;
    rule.pathRegex = FluxSecretsPathRegex;
    rule.ageRecipients = recipients;
    rule.rules.encryptedRegex = FluxSecretsEncryptedRegex;
    return rule;
}

bool isSecretFileName(const QString &relativePath)
{
    static const QRegularExpression re(FluxSecretsPathRegex);
    return re.match(relativePath).hasMatch();
}

Result<QByteArray> withFluxSecretsRule(const QByteArray &text, const QStringList &recipients,
                                       const QString &fileName)
{
    Result<Config> parsed = parseConfig(text, fileName);
    if (!parsed)
        return parsed.error();
    CreationRule rule = fluxSecretsRule(recipients);

    QList<QByteArray> lines = linesOf(text);
    const QList<CreationRule> &rules = parsed->creationRules;
    const auto same = std::find_if(rules.cbegin(), rules.cend(), [&](const CreationRule &r) {
        return r.pathRegex == rule.pathRegex;
    });
    if (rules.isEmpty()) {
        // No rules yet: drop an empty "creation_rules:" line and add ours at the end.
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [](const QByteArray &line) {
                                       return line.trimmed() == "creation_rules:" ||
                                              line.trimmed() == "creation_rules: []";
                                   }),
                    lines.end());
        QByteArray out = lines.join('\n');
        if (!out.isEmpty())
            out += '\n';
        if (out.isEmpty())
            out += "# Which files sops encrypts, and to whom. Fluxdesk keeps the first rule.\n";
        out += "creation_rules:\n" + ruleText(rule, QStringLiteral("  ")).toUtf8();
        return out;
    }
    if (rules.constFirst().line < 1 || rules.constFirst().line > lines.size())
        return Error(tr("cannot tell where the creation rules are written"), fileName);

    const auto indentOf = [&lines](int line) {
        const QByteArray &l = lines.at(line - 1);
        const qsizetype dash = l.indexOf('-');
        return dash < 0 ? QString() : QString::fromUtf8(l.left(dash));
    };
    if (same == rules.cend()) {
        // Before the first rule and the comments just above it, which belong to it.
        int at = rules.constFirst().line;
        while (at > 1 && lines.at(at - 2).trimmed().startsWith('#'))
            --at;
        const QString text_ = ruleText(rule, indentOf(rules.constFirst().line));
        lines.insert(at - 1, text_.toUtf8().chopped(1));
        return QByteArray(lines.join('\n') + '\n');
    }

    // Our rule again: its recipients are merged, its lines written anew.
    for (const QString &r : same->ageRecipients) {
        if (!rule.ageRecipients.contains(r))
            rule.ageRecipients.prepend(r);
    }
    const int index = int(same - rules.cbegin());
    const int first = same->line;
    int end = index + 1 < rules.size() ? rules.at(index + 1).line : lines.size() + 1;
    if (index + 1 == rules.size()) {
        // The last rule ends where the next top-level key starts.
        for (int n = first; n < lines.size(); ++n) {
            const QByteArray &l = lines.at(n);
            if (!l.isEmpty() && l.at(0) != ' ' && l.at(0) != '#' && l.at(0) != '-') {
                end = n + 1;
                break;
            }
        }
    }
    // Comments and blank lines just above the next rule or key belong to it.
    while (end - 1 > first) {
        const QByteArray trimmed = lines.at(end - 2).trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#'))
            break;
        --end;
    }
    if (first < 1 || end <= first)
        return Error(tr("cannot tell where the creation rules are written"), fileName);
    const QString replacement = ruleText(rule, indentOf(first));
    lines.erase(lines.begin() + (first - 1), lines.begin() + (end - 1));
    lines.insert(first - 1, replacement.toUtf8().chopped(1));
    return QByteArray(lines.join('\n') + '\n');
}

QByteArray withKeyIgnores(const QByteArray &gitignore)
{
    const QList<QByteArray> wanted = {QByteArrayLiteral("*.agekey"), QByteArrayLiteral("keys.txt")};
    const QList<QByteArray> lines = linesOf(gitignore);
    QByteArray add;
    for (const QByteArray &pattern : wanted) {
        const bool there = std::any_of(lines.cbegin(), lines.cend(),
                                       [&](const QByteArray &l) { return l.trimmed() == pattern; });
        if (!there)
            add += pattern + '\n';
    }
    if (add.isEmpty())
        return gitignore;
    QByteArray out = gitignore;
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    out += "# age keys (sops): never in Git\n" + add;
    return out;
}

} // namespace Fluxdesk::Sops
