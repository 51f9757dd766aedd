#include "manifest/yamljson.h"

// Paths to the nodes of a YAML document (as the cleaner's removals and the positions write them).

namespace Fluxdesk {

QPair<int, int> YamlDocument::positionOf(const QString &path) const
{
    QString p = path;
    for (;;) {
        const auto node = positions.constFind(p);
        if (node != positions.constEnd() && node->first > 0)
            return *node;
        const auto key = keyPositions.constFind(p);
        if (key != keyPositions.constEnd() && key->first > 0)
            return *key;
        if (p.isEmpty())
            return qMakePair(0, 0);
        p = yamlPathParent(p);
    }
}

QString yamlPathKey(const QString &parent, const QString &key)
{
    bool plain = !key.isEmpty();
    for (const QChar c : key) {
        if (c == QLatin1Char('.') || c == QLatin1Char('[') || c == QLatin1Char(']') ||
            c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parent + QLatin1String("[\"") + escaped + QLatin1String("\"]");
}

QString yamlPathIndex(const QString &parent, int index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString yamlPathParent(const QString &path)
{
    // Walk back over the last component, respecting ["..."] with escapes.
    if (path.endsWith(QLatin1Char(']'))) {
        if (path.endsWith(QLatin1String("\"]"))) {
            // Find the opening [" scanning forward so escapes are honoured.
            qsizetype open = -1;
            for (qsizetype i = 0; i + 1 < path.size(); ++i) {
                if (path.at(i) == QLatin1Char('[') && path.at(i + 1) == QLatin1Char('"')) {
                    const qsizetype start = i;
                    i += 2;
                    while (i < path.size() && path.at(i) != QLatin1Char('"')) {
                        if (path.at(i) == QLatin1Char('\\'))
                            ++i;
                        ++i;
                    }
                    // i is at the closing quote; "]" follows.
                    if (i + 2 == path.size())
                        open = start;
                    ++i;
                }
            }
            return open >= 0 ? path.left(open) : QString();
        }
        const qsizetype open = path.lastIndexOf(QLatin1Char('['));
        return open >= 0 ? path.left(open) : QString();
    }
    // A plain key: everything after the last '.' outside brackets; plain keys contain no '.'.
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    const qsizetype bracket = path.lastIndexOf(QLatin1Char(']'));
    if (dot > bracket)
        return path.left(dot);
    return bracket >= 0 ? path.left(bracket + 1) : QString();
}

} // namespace Fluxdesk
