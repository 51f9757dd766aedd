#include "editorjobs.h"

#include "core/jobrunner.h"
#include "manifest/linter.h"

#include <utility>

namespace Fluxdesk {

EditorJobs::EditorJobs(QObject *parent)
    : QObject(parent), m_reads(new JobRunner(this)), m_lints(new JobRunner(this)),
      m_cleans(new JobRunner(this))
{}

EditorJobs::~EditorJobs() = default;

void EditorJobs::read(const QString &path, ReadDone done)
{
    m_reads->start(
        [path, resolver = m_resolver](const JobContext &) {
            return readTextFile(path, 64 * 1024 * 1024, resolver);
        },
        [done = std::move(done)](Result<FileSnapshot> snapshot) { done(std::move(snapshot)); });
}

bool EditorJobs::isReading() const
{
    return m_reads->isBusy();
}

void EditorJobs::lint(std::function<QByteArray()> bytes, const QString &fileName, LintDone done)
{
    m_lints->start(
        [bytes = std::move(bytes), fileName](const JobContext &) {
            return lintYaml(bytes(), fileName);
        },
        [done = std::move(done)](QList<Problem> problems) { done(std::move(problems)); });
}

quint64 EditorJobs::supersedeLint()
{
    m_lints->cancel();
    return m_lints->generation();
}

bool EditorJobs::isLintCurrent(quint64 generation) const
{
    return m_lints->isCurrent(generation);
}

void EditorJobs::clean(const QString &text, const QString &fileName, const QString &repository,
                       const CleanContext &context, CleanDone done)
{
    m_cleans->start(
        [text, fileName, repository, context](const JobContext &) -> Result<CleanTextResult> {
            const Result<CleanRules> rules = repository.isEmpty()
                                                 ? Result<CleanRules>(CleanRules::defaults())
                                                 : CleanRules::forRepository(repository);
            if (!rules)
                return rules.error();
            return cleanYamlText(text.toUtf8(), fileName, *rules, context);
        },
        [done = std::move(done)](Result<CleanTextResult> result) { done(std::move(result)); });
}

bool EditorJobs::isCleaning() const
{
    return m_cleans->isBusy();
}

void EditorJobs::waitForDone()
{
    m_reads->waitForDone();
    m_lints->waitForDone();
    m_cleans->waitForDone();
}

} // namespace Fluxdesk
