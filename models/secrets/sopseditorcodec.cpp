#include "sopseditorcodec.h"

#include "secrets/agekeys.h"
#include "secrets/sopsfile.h"

#include <QCoreApplication>

namespace Fluxdesk::Sops {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Fluxdesk::Sops::EditorCodec", text);
}

} // namespace

FileCodec editorCodec(const QList<Age::Identity> &identities)
{
    FileCodec codec;
    codec.description = tr("Decrypted for editing with your age key. Saving encrypts it again "
                           "(SOPS) to the recipients it was encrypted to.");
    codec.decode = [identities](const QString &stored) -> Result<QString> {
        if (identities.isEmpty())
            return Error(tr("This file is encrypted (SOPS) and no age key was found to open it "
                            "(SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, ~/.config/sops/age/keys.txt). It "
                            "is shown as stored and cannot be saved."));
        DecryptOptions options;
        options.identities = identities;
        Result<Age::SecretBytes> clear = decrypt(stored.toUtf8(), options);
        if (!clear)
            return Error(tr("This file is encrypted (SOPS) and cannot be opened: %1. It is "
                            "shown as stored and cannot be saved.")
                             .arg(clear.error().message));
        return QString::fromUtf8(clear->bytes());
    };
    codec.encode = [identities](const QString &edited, const QString &stored) -> Result<QString> {
        const QByteArray previous = stored.toUtf8();
        Result<Metadata> metadata = readMetadata(previous);
        if (!metadata)
            return metadata.error();
        EncryptOptions options;
        options.recipients = metadata->recipients;
        options.rules = metadata->rules;
        options.previous = previous;
        options.identities = identities;
        Age::SecretBytes clear(edited.toUtf8());
        Result<QByteArray> encrypted = encrypt(clear.bytes(), options);
        if (!encrypted)
            return encrypted.error();
        return QString::fromUtf8(*encrypted);
    };
    return codec;
}

FileCodec newFileCodec(const EncryptOptions &options, const QList<Age::Identity> &identities)
{
    FileCodec codec = editorCodec(identities);
    const auto later = codec.encode;
    codec.description = tr("Saved encrypted (SOPS) to the recipients .sops.yaml names for this "
                           "file: the text here never reaches the disk in the clear.");
    codec.encode = [options, later](const QString &edited,
                                    const QString &stored) -> Result<QString> {
        if (!stored.isEmpty())
            return later(edited, stored);
        Age::SecretBytes clear(edited.toUtf8());
        Result<QByteArray> encrypted = encrypt(clear.bytes(), options);
        if (!encrypted)
            return encrypted.error();
        return QString::fromUtf8(*encrypted);
    };
    return codec;
}

FileCodecResolver editorCodecResolver(std::function<QList<Age::Identity>()> identities)
{
    if (!identities)
        identities = [] { return AgeKeys::findIdentities().identities; };
    return [identities](const QString &, const QString &stored) -> FileCodec {
        if (!isEncrypted(stored.toUtf8()))
            return {};
        return editorCodec(identities());
    };
}

} // namespace Fluxdesk::Sops
