#pragma once

#include "manifest/problem.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Fluxdesk {

// The Problems list: one row per Problem (severity, file, line, message), errors first, then by
// file and line. Views add icons for SeverityRole; the model stays free of QtGui.
class ProblemModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        FileColumn,
        LineColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1, // int(Problem::Severity)
        FileRole,                        // the problem's file as given (a path or a tab's id)
        LineRole,                        // 1-based, 0 when unknown
        ColumnRole,                      // 1-based, 0 when unknown
        RuleRole
    };

    explicit ProblemModel(QObject *parent = nullptr);

    // Replaces the problems one reporter (origin, see Problem::origin) has for one file (a path,
    // or the id of an untitled document); other files and other reporters' problems stay.
    void setProblems(const QString &file, const QList<Problem> &problems,
                     const QString &origin = QString());
    void clearFile(const QString &file, const QString &origin = QString());
    // Renames a file's problems (after Save As).
    void renameFile(const QString &from, const QString &to);
    // How file names read in the File column (e.g. relative to the repository, or a tab title).
    void setDisplayName(const QString &file, const QString &name);

    Problem problemAt(int row) const { return m_problems.at(row); }
    QList<Problem> problems() const { return m_problems; }
    int count(Problem::Severity severity) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Problem> m_problems;
    QHash<QString, QString> m_displayNames;
};

} // namespace Fluxdesk
