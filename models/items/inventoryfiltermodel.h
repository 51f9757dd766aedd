#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace Fluxdesk {

// Filters an InventoryModel. The filter text is split on whitespace and every term must match an
// object: "key=value" matches a label (value compared case-insensitively, "key=" means the label
// is present), "ns:NAME" (or "namespace:NAME") the namespace (and the Namespace object of that
// name) and "kind:KIND" the kind exactly
// (case-insensitively; "kind:Deployment.apps" names the group too), any other term matches the
// object's name, kind or namespace as a substring, case-insensitively. Objects that
// a migration leaves out (owned, generated, system, Helm release records) are hidden unless
// showOwned is on. Namespace and kind rows stay visible while any object below them does, and
// their count column then reads "visible of total".
class InventoryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InventoryFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    bool showOwned() const { return m_showOwned; }
    void setShowOwned(bool show);
    // True when some object may be hidden (text set or owned objects hidden).
    bool isFiltering() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct Term
    {
        enum Type
        {
            Plain,     // name, kind or namespace contains text
            Label,     // label text is present (and equals value when one is given)
            Namespace, // the namespace is text
            Kind       // the kind (or kind.group) is text
        };
        QString text;  // plain term, label key, namespace or kind
        QString value; // label value
        Type type = Plain;
    };
    static QList<Term> parseTerms(const QString &text);
    int visibleObjects(const QModelIndex &proxyIndex) const;

    QString m_text;
    QList<Term> m_terms;
    bool m_showOwned = false;
};

} // namespace Fluxdesk
