#include "manifestnaming.h"

#include "manifest/apiversion.h"

#include <QStringView>

#include <algorithm>

namespace Fluxdesk {

namespace {

// Longest field value kept in a file name, so a hostile name cannot exceed NAME_MAX (255 bytes).
constexpr int maxFieldLength = 80;

} // namespace

QString kubectlSliceTemplate()
{
    return QStringLiteral("{kind}-{name}.yaml");
}

QString kebabCase(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber()) {
            if (c.isUpper() && i > 0 && !out.isEmpty() && out.back() != QLatin1Char('-')) {
                const QChar prev = text.at(i - 1);
                const bool nextLower = i + 1 < text.size() && text.at(i + 1).isLower();
                // "fooBar" -> "foo-bar", "APIService" -> "api-service", "v2Beta" -> "v2-beta".
                if (prev.isLower() || prev.isDigit() || (prev.isUpper() && nextLower))
                    out += QLatin1Char('-');
            }
            out += c.toLower();
        } else if (!out.isEmpty() && out.back() != QLatin1Char('-')) {
            out += QLatin1Char('-');
        }
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QString fileNameFor(const QJsonObject &object, const QString &nameTemplate)
{
    // Fields are worked out only when the template names them (a split names thousands).
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    auto field = [](const QString &value) { return kebabCase(value).left(maxFieldLength); };
    auto fieldValue = [&](QStringView key, QString *value) {
        if (key == QLatin1String("namespace")) {
            *value = field(metadata.value(QLatin1String("namespace")).toString());
        } else if (key == QLatin1String("kind")) {
            *value = field(object.value(QLatin1String("kind")).toString());
        } else if (key == QLatin1String("name")) {
            *value = field(metadata.value(QLatin1String("name")).toString());
        } else if (key == QLatin1String("group")) {
            const QString group =
                groupOfApiVersion(object.value(QLatin1String("apiVersion")).toString());
            *value = group.isEmpty() ? QStringLiteral("core") : field(group);
        } else {
            return false;
        }
        return true;
    };
    QString out;
    const QString tpl =
        nameTemplate.isEmpty() ? QStringLiteral("{name}-{kind}.yaml") : nameTemplate;
    QString value;
    for (qsizetype i = 0; i < tpl.size(); ++i) {
        if (tpl.at(i) == QLatin1Char('{')) {
            const qsizetype close = tpl.indexOf(QLatin1Char('}'), i);
            if (close > i && fieldValue(QStringView(tpl).mid(i + 1, close - i - 1), &value)) {
                out += value;
                i = close;
                continue;
            }
        }
        out += tpl.at(i);
    }
    return sanitiseRelativePath(out);
}

QString sanitiseFileName(const QString &segment)
{
    QString out;
    out.reserve(segment.size());
    for (const QChar c : segment) {
        const bool bad = c.category() == QChar::Other_Control || c == QLatin1Char('\\') ||
                         c == QLatin1Char('/') || c == QLatin1Char(':') || c == QLatin1Char('*') ||
                         c == QLatin1Char('?') || c == QLatin1Char('"') || c == QLatin1Char('<') ||
                         c == QLatin1Char('>') || c == QLatin1Char('|') || c.isSpace() ||
                         c.category() == QChar::Other_Format;
        out += bad ? QLatin1Char('-') : c;
    }
    // An empty field leaves "--", "-." or a leading '-': tidy so "{namespace}-{name}" of a
    // cluster-scoped object reads "name", not "-name".
    while (out.contains(QLatin1String("--")))
        out.replace(QLatin1String("--"), QLatin1String("-"));
    out.replace(QLatin1String("-."), QLatin1String("."));
    out.replace(QLatin1String(".-"), QLatin1String("."));
    while (out.contains(QLatin1String("..")))
        out.replace(QLatin1String(".."), QLatin1String("."));
    while (!out.isEmpty() && out.front() == QLatin1Char('-'))
        out.remove(0, 1);
    // ".yaml" from an empty {name}: never a hidden file, never "." or "..".
    if (out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1String("resource"));
    while (!out.isEmpty() && (out.back() == QLatin1Char('.') || out.back() == QLatin1Char('-')))
        out.chop(1);
    if (out.isEmpty() || out.startsWith(QLatin1Char('.')))
        out = QStringLiteral("resource");
    return out;
}

QString sanitiseRelativePath(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    QStringList out;
    for (const QString &part : parts) {
        // Empty, "." and ".." segments (from a template such as "../{name}.yaml") are dropped.
        if (std::all_of(part.cbegin(), part.cend(), [](QChar c) { return c == QLatin1Char('.'); }))
            continue;
        out.append(sanitiseFileName(part));
    }
    if (out.isEmpty())
        out.append(QStringLiteral("resource.yaml"));
    return out.join(QLatin1Char('/'));
}

QString withNumberSuffix(const QString &path, int n)
{
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    const int dot = int(path.lastIndexOf(QLatin1Char('.')));
    const QString suffix = QLatin1Char('-') + QString::number(n);
    if (dot > slash + 1)
        return path.left(dot) + suffix + path.mid(dot);
    return path + suffix;
}

QStringList kustomizationFileNames()
{
    return {QStringLiteral("kustomization.yaml"), QStringLiteral("kustomization.yml"),
            QStringLiteral("Kustomization")};
}

bool isKustomizationFileName(const QString &fileName, Qt::CaseSensitivity cs)
{
    for (const QLatin1String name :
         {QLatin1String("kustomization.yaml"), QLatin1String("kustomization.yml"),
          QLatin1String("Kustomization")}) {
        if (fileName.compare(name, cs) == 0)
            return true;
    }
    return false;
}

bool isKustomizationPath(const QString &path, Qt::CaseSensitivity cs)
{
    return isKustomizationFileName(path.mid(path.lastIndexOf(QLatin1Char('/')) + 1), cs);
}

} // namespace Fluxdesk
