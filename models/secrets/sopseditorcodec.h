#pragma once

#include "manifest/editordocument.h"
#include "secrets/age.h"
#include "secrets/sopsfile.h"

#include <functional>
#include <QList>

namespace Fluxdesk::Sops {

// The editor's codec for SOPS files: decrypts with the identities (the MAC checked), and encrypts
// the edited text again to the file's own recipients under its own rules, keeping its data key
// and the ciphertext of the values that did not change, as sops edit does. Without an identity
// that opens the file, decode fails with the reason and the editor shows it read-only.
FileCodec editorCodec(const QList<Age::Identity> &identities);

// The codec of a file not written yet that is to be stored encrypted (a Secret the plan writes
// encrypted, saved from the editor): the first save encrypts with options (the recipients and
// rules .sops.yaml names for it), later ones as editorCodec() does.
FileCodec newFileCodec(const EncryptOptions &options, const QList<Age::Identity> &identities);

// For the editor's reads: a SOPS file gets editorCodec() with the identities identities()
// returns at that moment (the user's keys, as sops finds them, by default); others none.
FileCodecResolver editorCodecResolver(std::function<QList<Age::Identity>()> identities = {});

} // namespace Fluxdesk::Sops
