#include "clonedialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Fluxdesk {

CloneDialog::CloneDialog(const QString &baseFolder, QWidget *parent)
    : QDialog(parent), m_baseFolder(baseFolder.isEmpty() ? QDir::homePath() : baseFolder)
{
    setObjectName(QStringLiteral("cloneDialog"));
    setWindowTitle(tr("Clone a Repository"));

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("cloneUrl"));
    m_url->setPlaceholderText(tr("https://…, ssh://… or git@host:path"));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("cloneFolder"));
    m_folder->setPlaceholderText(tr("A new or empty folder"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("cloneBrowseButton"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("cloneProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("cloneButtons"));
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Clone"));
    m_ok->setObjectName(QStringLiteral("cloneOkButton"));

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Folder:"), folderRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &CloneDialog::browse);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        // Propose <base>/<name> until the user picks a folder themselves.
        if (!m_folderEdited) {
            const QString name = repositoryName(url());
            m_settingFolder = true;
            m_folder->setText(name.isEmpty() ? QString()
                                             : QDir::toNativeSeparators(
                                                   QDir(m_baseFolder).absoluteFilePath(name)));
            m_settingFolder = false;
        }
        validate();
    });
    connect(m_folder, &QLineEdit::textChanged, this, [this] {
        if (!m_settingFolder)
            m_folderEdited = true;
        validate();
    });
    validate();
}

QString CloneDialog::url() const
{
    return m_url->text().trimmed();
}

QString CloneDialog::folder() const
{
    const QString text = m_folder->text().trimmed();
    return text.isEmpty()
               ? QString()
               : QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(text)).absoluteFilePath());
}

void CloneDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void CloneDialog::setFolder(const QString &folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

QString CloneDialog::repositoryName(const QString &url)
{
    QString name = url.trimmed();
    while (name.endsWith(QLatin1Char('/')))
        name.chop(1);
    // The last path segment; "host:repo" (scp-like SSH) has no slash before the name.
    const int cut =
        int(qMax(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char(':'))));
    name = name.mid(cut + 1);
    if (name.endsWith(QLatin1String(".git")))
        name.chop(4);
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return {};
    return name;
}

QString CloneDialog::problem(const QString &url, const QString &folder)
{
    if (url.trimmed().isEmpty())
        return tr("Enter the URL of the repository to clone.");
    const QString path = folder.trimmed();
    if (path.isEmpty())
        return tr("Choose the folder to clone into.");
    if (!QDir::isAbsolutePath(QDir::fromNativeSeparators(path)))
        return tr("Choose the folder with its full path.");
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return tr("%1 is a file: choose a new or empty folder.")
            .arg(QDir::toNativeSeparators(path));
    if (info.isDir() &&
        !QDir(path)
             .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
             .isEmpty())
        return tr("%1 is not empty: choose a new or empty folder to clone into.")
            .arg(QDir::toNativeSeparators(path));
    return {};
}

void CloneDialog::browse()
{
    const QString current = folder();
    const QString start = current.isEmpty() ? m_baseFolder : QFileInfo(current).absolutePath();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Clone Into Folder"), start);
    if (chosen.isEmpty())
        return;
    // A chosen non-empty parent gets the repository's name appended, as git clone does.
    const QString name = repositoryName(url());
    const bool empty = problem(QStringLiteral("-"), chosen).isEmpty();
    setFolder(empty || name.isEmpty() ? chosen : QDir(chosen).absoluteFilePath(name));
}

void CloneDialog::validate()
{
    const QString why = problem(url(), m_folder->text());
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_ok->setEnabled(why.isEmpty());
}

} // namespace Fluxdesk
