#include "fakefluxgit.h"

#include "manifest/manifeststream.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace Fluxdesk::Testing {

namespace {

struct Run
{
    bool ok = false;
    QByteArray out;
    QString error; // stderr, or why it did not run
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.error = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        r.error = QStringLiteral("%1 did not finish within 2 minutes").arg(program);
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.error = QString::fromUtf8(p.readAllStandardError()).trimmed();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return r;
}

bool hasKustomization(const QString &dir)
{
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        if (QFileInfo::exists(dir + QLatin1Char('/') + QLatin1String(name)))
            return true;
    }
    return false;
}

Result<QList<QJsonObject>> build(const QString &dir)
{
    const Run built = run(QStringLiteral("kubectl"), {QStringLiteral("kustomize"), dir});
    if (!built.ok)
        return Error(QStringLiteral("kustomize build failed: %1").arg(built.error));
    return parseManifestStream(built.out, dir + QStringLiteral("/kustomization.yaml"));
}

// What kustomize-controller's generator gathers where no kustomization.yaml exists (fluxcd/pkg
// kustomize's generator): the folder's YAML files that hold Kubernetes objects, then each
// subfolder, a subfolder with a kustomization.yaml of its own built as kustomize builds it (and
// not walked into), the others walked the same way. A kustomize Kustomization file is no object.
Result<QList<QJsonObject>> readFolder(const QString &dir)
{
    QList<QJsonObject> objects;
    const QDir folder(dir);
    for (const QString &name : folder.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                                                QDir::Files, QDir::Name)) {
        const QString file = folder.filePath(name);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error(QStringLiteral("cannot read %1: %2").arg(file, f.errorString()), file);
        Result<QList<QJsonObject>> parsed = parseManifestStream(f.readAll(), file);
        if (!parsed)
            return parsed.error();
        objects.append(*parsed);
    }
    for (const QString &name : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString sub = folder.filePath(name);
        Result<QList<QJsonObject>> more = hasKustomization(sub) ? build(sub) : readFolder(sub);
        if (!more)
            return more.error();
        objects.append(*more);
    }
    return objects;
}

} // namespace

FakeFluxGit::FakeFluxGit() = default;
FakeFluxGit::~FakeFluxGit() = default;

FakeFluxFetch FakeFluxGit::fetch(const QString &url, const QJsonObject &ref)
{
    FakeFluxFetch answer;
    const QString folder = m_dir.path() + QStringLiteral("/checkout-%1").arg(++m_clones);
    const QString commit = ref.value(QLatin1String("commit")).toString();
    QString branch = ref.value(QLatin1String("branch")).toString();
    const QString tag = ref.value(QLatin1String("tag")).toString();
    if (branch.isEmpty() && tag.isEmpty() && commit.isEmpty())
        branch = QStringLiteral("master");
    QStringList args{QStringLiteral("clone"), QStringLiteral("--quiet")};
    if (!tag.isEmpty() || !branch.isEmpty())
        args << QStringLiteral("--branch") << (tag.isEmpty() ? branch : tag);
    args << url << folder;
    const Run clone = run(QStringLiteral("git"), args);
    if (!clone.ok) {
        answer.error = QStringLiteral("failed to checkout and determine revision: unable to "
                                      "clone '%1': %2")
                           .arg(url, clone.error);
        return answer;
    }
    if (!commit.isEmpty()) {
        const Run checkout =
            run(QStringLiteral("git"),
                {QStringLiteral("checkout"), QStringLiteral("--quiet"), commit}, folder);
        if (!checkout.ok) {
            answer.error = QStringLiteral("failed to checkout and determine revision: unable to "
                                          "checkout commit '%1': %2")
                               .arg(commit, checkout.error);
            return answer;
        }
    }
    const Run head =
        run(QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, folder);
    if (!head.ok) {
        answer.error = head.error;
        return answer;
    }
    answer.commit = QString::fromLatin1(head.out).trimmed();
    answer.folder = folder;
    return answer;
}

Result<QList<QJsonObject>> FakeFluxGit::render(const QString &folder, const QString &path)
{
    const QString root = QDir::cleanPath(folder);
    const QString dir = QDir::cleanPath(root + QLatin1Char('/') + path);
    if (dir != root && !dir.startsWith(root + QLatin1Char('/')))
        return Error(
            QStringLiteral("kustomization path '%1' leaves the source's folder").arg(path));
    if (!QFileInfo(dir).isDir())
        return Error(QStringLiteral("kustomization path not found: stat %1: no such file or "
                                    "directory")
                         .arg(dir));
    return hasKustomization(dir) ? build(dir) : readFolder(dir);
}

FakeFlux::Source FakeFluxGit::source()
{
    return [this](const QString &url, const QJsonObject &ref) { return fetch(url, ref); };
}

FakeFlux::Renderer FakeFluxGit::renderer()
{
    return [](const QString &folder, const QString &path) { return render(folder, path); };
}

} // namespace Fluxdesk::Testing
