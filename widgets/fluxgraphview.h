#pragma once

#include "flux/fluxgraph.h"
#include "flux/fluxlivestate.h"
#include "flux/fluxreadiness.h"

#include <QGraphicsView>
#include <QHash>
#include <QPointer>

class QAction;

namespace Fluxdesk {

namespace FluxGraphItems {
class Node;
class Edge;
} // namespace FluxGraphItems

// The Flux objects of the cluster as a dependency graph (FluxGraph's layout): a box per object
// with its kind, name, namespace and readiness colour, dependsOn arrows solid, source arrows
// dashed, a dependency on a missing object as a dashed red box, cycle arrows red. Kept current by
// FluxLiveState::changed: a status change repaints that box alone; boxes move only when objects
// or references come or go. Ctrl+wheel zooms, Ctrl+0 fits, a click selects and activates.
class FluxGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit FluxGraphView(QWidget *parent = nullptr);
    ~FluxGraphView() override;

    // The state drawn (not owned); nullptr shows nothing.
    void setLiveState(FluxLiveState *state);
    FluxLiveState *liveState() const { return m_state; }

    const FluxGraph &graph() const { return m_graph; }
    // The ref of the box highlighted, invalid when none.
    FluxRef selectedRef() const;
    // Where a box is drawn now, in viewport coordinates; empty when it is not in the graph.
    QRect nodeRect(const FluxRef &ref) const;
    // The colour a box shows its readiness in (red for a missing object); invalid when absent.
    QColor nodeColour(const FluxRef &ref) const;
    // The box's text, lines joined by '\n'.
    QString nodeText(const FluxRef &ref) const;
    QString nodeToolTip(const FluxRef &ref) const;
    // The arrow's tooltip; empty when there is no such arrow.
    QString edgeToolTip(const FluxRef &dependent, const FluxRef &dependency) const;
    // How often boxes were placed anew (objects or references changed); status changes do not
    // count.
    int layoutCount() const { return m_layoutCount; }
    qreal zoom() const;

    // One colour set for readiness, readable on light and dark palettes: Ready green,
    // Reconciling blue, Failed and Stalled red, Suspended grey, Unknown neutral.
    static QColor readinessColour(FluxReadiness readiness, const QPalette &palette);

    QAction *fitAction() const { return m_fit; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }

public slots:
    // Highlights ref's box and scrolls to it; does not emit objectActivated.
    void select(const Fluxdesk::FluxRef &ref);
    void fitToView();
    void zoomIn();
    void zoomOut();

signals:
    // The user clicked an object's box (not a missing one).
    void objectActivated(const Fluxdesk::FluxRef &ref);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onChanged(const QList<Fluxdesk::FluxRef> &added, const QList<Fluxdesk::FluxRef> &updated,
                   const QList<Fluxdesk::FluxRef> &removed);
    void scheduleLayout();
    void layoutNow();
    void apply(const FluxGraph &graph);
    void refreshStatus(FluxGraphItems::Node *node);
    void scaleBy(qreal factor);
    FluxGraphItems::Node *nodeAt(const QPoint &viewportPos) const;

    QPointer<FluxLiveState> m_state;
    FluxGraph m_graph;
    QHash<QString, FluxGraphItems::Node *> m_nodes; // FluxRef::key()
    QList<FluxGraphItems::Edge *> m_edges;
    QString m_selected;
    bool m_layoutPending = false;
    bool m_fitted = false;
    int m_layoutCount = 0;
    QAction *m_fit;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
};

} // namespace Fluxdesk
