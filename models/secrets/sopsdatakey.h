#pragma once

#include "core/error.h"
#include "secrets/age.h"

#include <QByteArray>
#include <QString>

namespace Fluxdesk::Sops::Detail {

// decrypt() with the file's data key already in hand (opened by other means than age, e.g. a
// PGP key in a test of files sops wrote): the document in the clear, MAC checked if asked.
Result<Age::SecretBytes> decryptWithDataKey(const QByteArray &encryptedYaml,
                                            const QByteArray &dataKey, bool verifyMac,
                                            const QString &fileName = {});

} // namespace Fluxdesk::Sops::Detail
