#pragma once

#include <QByteArray>

#include <vector>

namespace Fluxdesk {

// A part of a YAML stream that reads on its own: it starts at the stream's start or at a "---"
// line, and ends where the next part starts.
struct YamlSlice
{
    qsizetype begin = 0;
    qsizetype end = 0;
    int firstLine = 1; // the stream's line number of its first line

    QByteArray bytes(const QByteArray &stream) const // a view into stream, no copy
    {
        return QByteArray::fromRawData(stream.constData() + begin, end - begin);
    }
};

// The stream cut at the first "---" line (column 0, followed by a space, a tab or the line's end)
// after every sliceSize bytes. Such a line starts a document wherever it stands, so every slice
// holds whole documents. A stream without such lines is one slice.
// Without countLines, every firstLine stays 1 (a caller that counts for itself, per slice).
std::vector<YamlSlice> sliceYamlStream(const QByteArray &yaml, qsizetype sliceSize,
                                       bool countLines = true);

// How clean and split read a large stream on several threads: a stream of 1 MB or more cut into
// parts of about 256 KB (without line numbers: each part counts its own). Empty for a smaller
// stream, which is read whole.
std::vector<YamlSlice> largeStreamSlices(const QByteArray &yaml);

} // namespace Fluxdesk
