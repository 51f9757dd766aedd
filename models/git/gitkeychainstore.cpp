#include "gitkeychainstore.h"

#include "gittext.h"

#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
#include <qt6keychain/keychain.h>
#else
#include <qt5keychain/keychain.h>
#endif

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QThread>

#include <functional>
#include <memory>
#include <mutex>

namespace Fluxdesk {

namespace {

// The keychain thread and an object living on it, for the whole process: QtKeychain's job
// executor is a singleton bound to the thread of the first job, and a job finishing on another
// thread would leave it waiting forever. Stopped when the application object is destroyed.
QThread *g_thread = nullptr;
QObject *g_context = nullptr;
std::mutex g_mutex;

void stopKeychainThread()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_thread)
        return;
    g_thread->quit();
    g_thread->wait();
    delete g_context;
    delete g_thread;
    g_context = nullptr;
    g_thread = nullptr;
}

QObject *keychainContext()
{
    static bool started = false;
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!started) {
        started = true;
        g_thread = new QThread;
        g_thread->setObjectName(QStringLiteral("Fluxdesk keychain"));
        g_context = new QObject;
        g_context->moveToThread(g_thread);
        g_thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return g_context; // null once stopped
}

struct JobAnswer
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorText;
    QByteArray data;
};

// Makes a job (on the keychain thread), runs it there and waits for its end or the timeout.
std::optional<JobAnswer> runJob(std::function<QKeychain::Job *()> makeJob, int timeoutMs)
{
    struct State
    {
        QSemaphore done;
        JobAnswer answer;
    };
    auto state = std::make_shared<State>(); // outlives a call that gave up waiting
    QObject *context = keychainContext();
    if (!context)
        return std::nullopt;
    QMetaObject::invokeMethod(
        context,
        [state, makeJob] {
            QKeychain::Job *job = makeJob();
            job->setAutoDelete(false);
            job->setInsecureFallback(false); // never a plain-text QSettings file
            QObject::connect(job, &QKeychain::Job::finished, job, [state](QKeychain::Job *done) {
                state->answer.error = done->error();
                state->answer.errorText = done->errorString();
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                    state->answer.data = read->binaryData();
                done->deleteLater();
                state->done.release();
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (!state->done.tryAcquire(1, timeoutMs))
        return std::nullopt;
    return state->answer;
}

GitError keychainError(const QString &reason)
{
    return GitError(GitErrorKind::Failed, GitText::tr("the system keychain: %1").arg(reason));
}

} // namespace

GitKeychainStore::GitKeychainStore(const QString &service) : m_service(service) {}

std::optional<GitUserPass> GitKeychainStore::find(const QString &url)
{
    const QString key = keyFor(url);
    if (key.isEmpty())
        return std::nullopt;
    const QString service = m_service;
    const std::optional<JobAnswer> answer = runJob(
        [service, key]() -> QKeychain::Job * {
            auto *job = new QKeychain::ReadPasswordJob(service);
            job->setKey(key);
            return job;
        },
        m_timeoutMs);
    if (!answer || answer->error != QKeychain::NoError)
        return std::nullopt;
    const QJsonObject entry = QJsonDocument::fromJson(answer->data).object();
    GitUserPass found;
    found.username = entry.value(QLatin1String("username")).toString();
    found.password = entry.value(QLatin1String("password")).toString();
    if (found.username.isEmpty() || found.password.isEmpty())
        return std::nullopt;
    return found;
}

GitResult<GitDone> GitKeychainStore::store(const QString &url, const GitUserPass &credentials)
{
    const QString key = keyFor(url);
    if (key.isEmpty())
        return keychainError(GitText::tr("no host in the URL"));
    QJsonObject entry;
    entry.insert(QLatin1String("username"), credentials.username);
    entry.insert(QLatin1String("password"), credentials.password);
    const QByteArray data = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    const QString service = m_service;
    const std::optional<JobAnswer> answer = runJob(
        [service, key, data]() -> QKeychain::Job * {
            auto *job = new QKeychain::WritePasswordJob(service);
            job->setKey(key);
            job->setTextData(QString::fromUtf8(data));
            return job;
        },
        m_timeoutMs);
    if (!answer)
        return keychainError(GitText::tr("no answer"));
    if (answer->error != QKeychain::NoError)
        return keychainError(answer->errorText);
    return GitDone{};
}

GitResult<GitDone> GitKeychainStore::erase(const QString &url)
{
    const QString key = keyFor(url);
    if (key.isEmpty())
        return GitDone{};
    const QString service = m_service;
    const std::optional<JobAnswer> answer = runJob(
        [service, key]() -> QKeychain::Job * {
            auto *job = new QKeychain::DeletePasswordJob(service);
            job->setKey(key);
            return job;
        },
        m_timeoutMs);
    if (!answer)
        return keychainError(GitText::tr("no answer"));
    if (answer->error != QKeychain::NoError && answer->error != QKeychain::EntryNotFound)
        return keychainError(answer->errorText);
    return GitDone{};
}

} // namespace Fluxdesk
