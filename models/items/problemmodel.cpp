#include "problemmodel.h"

#include <QFileInfo>

#include <algorithm>

namespace Fluxdesk {

namespace {

bool lessThan(const Problem &a, const Problem &b)
{
    if (a.severity != b.severity)
        return int(a.severity) < int(b.severity);
    if (a.file != b.file)
        return a.file < b.file;
    if (a.line != b.line)
        return a.line < b.line;
    return a.column < b.column;
}

} // namespace

ProblemModel::ProblemModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemModel::setProblems(const QString &file, const QList<Problem> &problems,
                               const QString &origin)
{
    // A reset keeps this simple; lists are short and replaced as a whole after each lint.
    beginResetModel();
    m_problems.erase(std::remove_if(m_problems.begin(), m_problems.end(),
                                    [&file, &origin](const Problem &p) {
                                        return p.file == file && p.origin == origin;
                                    }),
                     m_problems.end());
    for (Problem problem : problems) {
        problem.file = file;
        problem.origin = origin;
        m_problems.append(problem);
    }
    std::stable_sort(m_problems.begin(), m_problems.end(), lessThan);
    endResetModel();
}

void ProblemModel::clearFile(const QString &file, const QString &origin)
{
    setProblems(file, {}, origin);
    const bool left = std::any_of(m_problems.cbegin(), m_problems.cend(),
                                  [&file](const Problem &p) { return p.file == file; });
    if (!left)
        m_displayNames.remove(file);
}

void ProblemModel::renameFile(const QString &from, const QString &to)
{
    beginResetModel();
    for (Problem &p : m_problems) {
        if (p.file == from)
            p.file = to;
    }
    std::stable_sort(m_problems.begin(), m_problems.end(), lessThan);
    endResetModel();
    m_displayNames.remove(from);
}

void ProblemModel::setDisplayName(const QString &file, const QString &name)
{
    m_displayNames.insert(file, name);
    if (!m_problems.isEmpty())
        emit dataChanged(index(0, FileColumn), index(rowCount() - 1, FileColumn));
}

int ProblemModel::count(Problem::Severity severity) const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [severity](const Problem &p) { return p.severity == severity; }));
}

int ProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityName(p.severity);
        case FileColumn:
            return m_displayNames.value(p.file, QFileInfo(p.file).fileName());
        case LineColumn:
            return p.line > 0 ? QVariant(p.line) : QVariant();
        case MessageColumn:
            return p.message;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == FileColumn ? p.file : p.message;
    case SeverityRole:
        return int(p.severity);
    case FileRole:
        return p.file;
    case LineRole:
        return p.line;
    case ColumnRole:
        return p.column;
    case RuleRole:
        return p.rule;
    }
    return {};
}

QVariant ProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Fluxdesk
