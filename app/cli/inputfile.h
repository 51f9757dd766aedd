#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Fluxdesk::Cli {

// The text a command reads: a FILE named on the command line or standard input ("-").
// A large regular file is mapped rather than copied: its pages are shared with the page cache,
// and the threads that clean or split it read them directly (reading 10 MB into fresh memory
// cost a tenth of a clean). Should the file shrink while mapped, the process ends with
// "FILE changed while it was being read" and exit code 2 instead of a bus error.
class InputFile
{
public:
    InputFile() = default;
    ~InputFile();
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    // False with errorString() set when the input cannot be read.
    bool open(const QString &name);
    QString errorString() const { return m_error; }
    // "<stdin>" for standard input, else the name as given.
    QString shownName() const { return m_shownName; }
    // Valid while this object lives.
    const QByteArray &bytes() const { return m_bytes; }

private:
    QFile m_file;
    QByteArray m_bytes;
    QString m_shownName;
    QString m_error;
    bool m_mapped = false;
};

} // namespace Fluxdesk::Cli
