# --- h-client: discovery parsing, the API client, the inventory loader and the cluster session ---
fluxdesk_add_test(tst_discovery
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_discovery.cpp
    LABELS kube)
if(TARGET fluxdesk_fakeapi)
    fluxdesk_add_test(tst_kubeclient
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_kubeclient.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
    fluxdesk_add_test(tst_inventoryloader
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inventoryloader.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
    fluxdesk_add_test(tst_serverdryrun
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_serverdryrun.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
    fluxdesk_add_test(tst_resourcewatch
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_resourcewatch.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
    fluxdesk_add_test(tst_resourcewatch_fake
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_resourcewatch_fake.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
    fluxdesk_add_test(tst_clustersession
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_clustersession.cpp
        LIBS fluxdesk_fakeapi
        LABELS kube fakeapi)
endif()
# --- end h-client ---
