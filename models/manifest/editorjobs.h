#pragma once

#include "core/error.h"
#include "manifest/cleaner.h"
#include "manifest/editordocument.h"
#include "manifest/problem.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Fluxdesk {

class JobRunner;

// The editor's background work, so editor widgets only ask and receive values: reading a file,
// linting a text, cleaning a text. Each kind has a JobRunner of its own: a newer request of a kind
// supersedes the older one of that kind (its callback is never called), and a lint never drops a
// read. Callbacks run on this object's thread; destroying it drops whatever is still running.
// An editor tab owns one (read, lint), the editor area another (clean).
class EditorJobs : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(Result<FileSnapshot>)>;
    using LintDone = std::function<void(QList<Problem>)>;
    using CleanDone = std::function<void(Result<CleanTextResult>)>;

    explicit EditorJobs(QObject *parent = nullptr);
    ~EditorJobs() override;

    // Reads and decodes the file (readTextFile), through the codec resolver when one is set.
    void read(const QString &path, ReadDone done);
    void setCodecResolver(FileCodecResolver resolver) { m_resolver = std::move(resolver); }
    bool isReading() const;

    // Lints what bytes() returns as fileName; bytes() runs on the worker too, since encoding
    // megabytes of text is no work for the UI thread.
    void lint(std::function<QByteArray()> bytes, const QString &fileName, LintDone done);
    // Drops the running lint without starting one and returns the lint generation now current:
    // a caller preparing the next lint in steps (copying a big document out slice by slice) stops
    // when isLintCurrent() says a newer lint or supersedeLint() came since.
    quint64 supersedeLint();
    bool isLintCurrent(quint64 generation) const;

    // Cleans text with the rules of the repository folder (the defaults when it is empty).
    void clean(const QString &text, const QString &fileName, const QString &repository,
               const CleanContext &context, CleanDone done);
    bool isCleaning() const;

    // Blocks until every job has finished (tests).
    void waitForDone();

private:
    JobRunner *m_reads;
    JobRunner *m_lints;
    JobRunner *m_cleans;
    FileCodecResolver m_resolver;
};

} // namespace Fluxdesk
