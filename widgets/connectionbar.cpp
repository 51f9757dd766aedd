#include "connectionbar.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>

namespace Fluxdesk {

namespace {
constexpr int TypeRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
} // namespace

ConnectionBar::ConnectionBar(QWidget *parent) : QWidget(parent)
{
    auto *label = new QLabel(tr("&Cluster:"), this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("contextCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(16);
    m_combo->setToolTip(tr("Kubeconfig context, the built-in demo cluster or a snapshot file"));
    label->setBuddy(m_combo);

    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_connect->setToolTip(tr("Load every object of the chosen cluster (F5)"));

    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_cancel->setToolTip(tr("Stop loading (Esc)"));
    m_cancel->setEnabled(false);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setFormat(tr("%v of %m types"));
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setTextFormat(Qt::PlainText);

    m_tlsWarning = new QLabel(this);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    m_tlsWarning->setTextFormat(Qt::PlainText);
    QPalette pal = m_tlsWarning->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x00));
    m_tlsWarning->setPalette(pal);
    QFont bold = m_tlsWarning->font();
    bold.setBold(true);
    m_tlsWarning->setFont(bold);
    m_tlsWarning->setVisible(false);
    // On a line of its own, wrapped: a warning names a user and a server, and on the bar's line it
    // made the window wider than the screen.
    m_tlsWarning->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label);
    row->addWidget(m_combo);
    row->addWidget(m_connect);
    row->addWidget(m_cancel);
    row->addSpacing(8);
    row->addWidget(m_progress);
    row->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_tlsWarning);

    connect(m_combo, QOverload<int>::of(&QComboBox::activated), this, &ConnectionBar::onActivated);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionBar::connectRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionBar::cancelRequested);

    rebuild(DemoEntry, {});
}

void ConnectionBar::rebuild(int selectType, const QString &selectName)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    const QString files = m_kubeconfigFiles.join(QLatin1Char('\n'));
    for (const QString &context : std::as_const(m_contexts)) {
        m_combo->addItem(context);
        const int i = m_combo->count() - 1;
        m_combo->setItemData(i, ContextEntry, TypeRole);
        m_combo->setItemData(i, context, NameRole);
        m_combo->setItemData(i, tr("Context %1 from %2").arg(context, files), Qt::ToolTipRole);
    }
    if (!m_contexts.isEmpty())
        m_combo->insertSeparator(m_combo->count());
    bool recentAdded = false;
    for (const QString &file : std::as_const(m_recentKubeconfigs)) {
        if (m_kubeconfigFiles.contains(file))
            continue;
        //: Cluster list: a kubeconfig file used before; picking it loads its contexts
        m_combo->addItem(tr("Kubeconfig: %1").arg(QFileInfo(file).fileName()));
        const int i = m_combo->count() - 1;
        m_combo->setItemData(i, RecentKubeconfigEntry, TypeRole);
        m_combo->setItemData(i, file, NameRole);
        m_combo->setItemData(i, tr("Load the contexts of %1 (used before)").arg(file),
                             Qt::ToolTipRole);
        recentAdded = true;
    }
    if (recentAdded)
        m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Demo cluster"));
    m_combo->setItemData(m_combo->count() - 1, DemoEntry, TypeRole);
    m_combo->setItemData(m_combo->count() - 1,
                         tr("A built-in homelab cluster to explore without a kubeconfig"),
                         Qt::ToolTipRole);
    if (!m_snapshotPath.isEmpty()) {
        m_combo->addItem(tr("Snapshot: %1").arg(QFileInfo(m_snapshotPath).fileName()));
        m_combo->setItemData(m_combo->count() - 1, SnapshotEntry, TypeRole);
        m_combo->setItemData(m_combo->count() - 1, m_snapshotPath, Qt::ToolTipRole);
    }
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Open snapshot…"));
    m_combo->setItemData(m_combo->count() - 1, OpenSnapshotEntry, TypeRole);

    int index = -1;
    for (int i = 0; i < m_combo->count() && index < 0; ++i) {
        if (m_combo->itemData(i, TypeRole).toInt() == selectType &&
            (selectType != ContextEntry || m_combo->itemData(i, NameRole).toString() == selectName))
            index = i;
    }
    if (index < 0)
        index = indexOfType(m_contexts.isEmpty() ? DemoEntry : ContextEntry);
    m_combo->setCurrentIndex(index);
    m_lastIndex = index;
}

int ConnectionBar::indexOfType(EntryType type) const
{
    for (int i = 0; i < m_combo->count(); ++i) {
        if (m_combo->itemData(i, TypeRole).toInt() == type)
            return i;
    }
    return -1;
}

void ConnectionBar::setKubeconfig(const QStringList &files, const QStringList &contexts,
                                  const QString &select)
{
    m_kubeconfigFiles = files;
    m_contexts = contexts;
    rebuild(ContextEntry, select);
}

bool ConnectionBar::selectContext(const QString &name)
{
    for (int i = 0; i < m_combo->count(); ++i) {
        if (m_combo->itemData(i, TypeRole).toInt() == ContextEntry &&
            m_combo->itemData(i, NameRole).toString() == name) {
            m_combo->setCurrentIndex(i);
            m_lastIndex = i;
            return true;
        }
    }
    return false;
}

void ConnectionBar::setRecentKubeconfigs(const QStringList &files)
{
    if (files == m_recentKubeconfigs)
        return;
    m_recentKubeconfigs = files;
    const int type = m_combo->currentData(TypeRole).toInt();
    rebuild(type, m_combo->currentData(NameRole).toString());
}

void ConnectionBar::setSnapshot(const QString &path)
{
    m_snapshotPath = path;
    rebuild(SnapshotEntry, {});
}

void ConnectionBar::selectDemo()
{
    m_combo->setCurrentIndex(indexOfType(DemoEntry));
    m_lastIndex = m_combo->currentIndex();
}

ClusterSource ConnectionBar::currentSource() const
{
    ClusterSource source;
    const int index = m_combo->currentIndex();
    switch (m_combo->itemData(index, TypeRole).toInt()) {
    case ContextEntry:
        source.kind = ClusterSource::Kind::Kubeconfig;
        source.kubeconfigFiles = m_kubeconfigFiles;
        source.context = m_combo->itemData(index, NameRole).toString();
        break;
    case SnapshotEntry:
        source.kind = ClusterSource::Kind::Snapshot;
        source.snapshotPath = m_snapshotPath;
        break;
    default:
        source.kind = ClusterSource::Kind::Demo;
        break;
    }
    return source;
}

void ConnectionBar::onActivated(int index)
{
    if (m_combo->itemData(index, TypeRole).toInt() == OpenSnapshotEntry) {
        // Not a source itself: go back to the previous choice until a file is picked.
        m_combo->setCurrentIndex(m_lastIndex);
        emit openSnapshotRequested();
        return;
    }
    if (m_combo->itemData(index, TypeRole).toInt() == RecentKubeconfigEntry) {
        // Loading the file fills in its contexts and selects one (or says why it cannot).
        const QString file = m_combo->itemData(index, NameRole).toString();
        m_combo->setCurrentIndex(m_lastIndex);
        emit kubeconfigChosen(file);
        return;
    }
    m_lastIndex = index;
    emit sourceChosen();
}

void ConnectionBar::setBusy(bool busy)
{
    m_cancel->setEnabled(busy);
    m_connect->setEnabled(!busy);
    if (busy) {
        m_connectedOnce = true;
        m_progress->setRange(0, 0); // busy indicator until discovery says how many types
        m_progress->setValue(0);
        m_progress->setVisible(true);
    } else {
        m_progress->setVisible(false);
        m_progress->reset();
    }
    m_connect->setText(m_connectedOnce ? tr("Refresh") : tr("Connect"));
}

void ConnectionBar::setProgress(int done, int total)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void ConnectionBar::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString ConnectionBar::status() const
{
    return m_status->text();
}

void ConnectionBar::setWarnings(const QStringList &warnings)
{
    m_tlsWarning->setText(warnings.join(QLatin1Char('\n')));
    m_tlsWarning->setToolTip(
        tr("The connection is not verified or not encrypted: anyone on the network path could "
           "read or change what Fluxdesk sees, and read what it sends."));
    m_tlsWarning->setVisible(!warnings.isEmpty());
}

} // namespace Fluxdesk
