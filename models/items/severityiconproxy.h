#pragma once

#include "manifest/problem.h"

#include <QIdentityProxyModel>
#include <QVariant>

#include <array>

namespace Fluxdesk {

// A ProblemModel (or a proxy on it) with a severity icon in the severity column's
// Qt::DecorationRole. The icons are given by the view, as QVariant-wrapped QIcons (QStyle's
// standard icons live in QtWidgets, which models/ never includes); a severity without one shows
// no icon. Everything else passes through unchanged.
class SeverityIconProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit SeverityIconProxy(QObject *parent = nullptr);

    // The decoration for problems of this severity (normally a QIcon); rows already shown are
    // updated.
    void setIcon(Problem::Severity severity, const QVariant &icon);
    QVariant icon(Problem::Severity severity) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::array<QVariant, 3> m_icons; // by Problem::Severity
};

} // namespace Fluxdesk
