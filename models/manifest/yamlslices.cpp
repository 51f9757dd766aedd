#include "yamlslices.h"

#include <algorithm>

namespace Fluxdesk {

std::vector<YamlSlice> sliceYamlStream(const QByteArray &yaml, qsizetype sliceSize, bool countLines)
{
    std::vector<YamlSlice> slices;
    qsizetype begin = 0;
    int line = 1;
    while (begin < yaml.size()) {
        qsizetype end = yaml.size();
        for (qsizetype at = begin + std::max<qsizetype>(1, sliceSize); at < yaml.size();) {
            at = yaml.indexOf("\n---", at);
            if (at < 0)
                break;
            const qsizetype after = at + 4;
            if (after >= yaml.size() || yaml.at(after) == ' ' || yaml.at(after) == '\t' ||
                yaml.at(after) == '\r' || yaml.at(after) == '\n') {
                end = at + 1;
                break;
            }
            at = after;
        }
        slices.push_back({begin, end, line});
        if (countLines)
            line += int(std::count(yaml.constData() + begin, yaml.constData() + end, '\n'));
        begin = end;
    }
    return slices;
}

std::vector<YamlSlice> largeStreamSlices(const QByteArray &yaml)
{
    constexpr qsizetype sliceSize = 256 * 1024;
    if (yaml.size() < 4 * sliceSize)
        return {};
    return sliceYamlStream(yaml, sliceSize, false);
}

} // namespace Fluxdesk
