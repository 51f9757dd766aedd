#pragma once

// RAII for libgit2's handles; private to models/git (includes git2.h).
#include <git2.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace Fluxdesk::GitHandles {

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)> using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Handle<git_repository, git_repository_free>;
using Reference = Handle<git_reference, git_reference_free>;
using Index = Handle<git_index, git_index_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Signature = Handle<git_signature, git_signature_free>;
using StatusList = Handle<git_status_list, git_status_list_free>;
using Diff = Handle<git_diff, git_diff_free>;
using Remote = Handle<git_remote, git_remote_free>;
using Config = Handle<git_config, git_config_free>;
using Object = Handle<git_object, git_object_free>;
using RevWalk = Handle<git_revwalk, git_revwalk_free>;
using Patch = Handle<git_patch, git_patch_free>;

struct Buf
{
    git_buf buf = GIT_BUF_INIT;
    ~Buf() { git_buf_dispose(&buf); }
    QString text() const { return QString::fromUtf8(buf.ptr, int(buf.size)); }
};

inline QString oidString(const git_oid *oid)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return QString::fromLatin1(hex);
}

} // namespace Fluxdesk::GitHandles
