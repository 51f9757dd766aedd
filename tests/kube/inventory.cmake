# --- h-inventory: classification, Helm release records, the inventory, snapshots, the demo ---
fluxdesk_add_test(tst_classification
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_classification.cpp
    LABELS kube)
fluxdesk_add_test(tst_helmrelease
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_helmrelease.cpp
    LIBS ZLIB::ZLIB
    LABELS kube)
fluxdesk_add_test(tst_inventory
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inventory.cpp
    LABELS kube)
fluxdesk_add_test(tst_snapshot
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_snapshot.cpp
    LABELS kube)
