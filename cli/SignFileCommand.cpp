#include "SignFileCommand.h"

#include "PersonalNumber.h"
#include "PlatformFolderAccess.h"
#include "ReceiptWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace bankid {

QString SignFileCommand::parse(const QStringList &words, QString *file)
{
    if (words.isEmpty())
        return tr("sign-file needs FILE: the document to sign");
    if (words.size() > 1)
        return tr("sign-file takes one FILE, not also '%1'").arg(words.at(1));
    if (words.first().isEmpty())
        return tr("sign-file: FILE is an empty string");
    *file = words.first();
    return {};
}

std::optional<DocumentDigest> SignFileCommand::prepare(const QString &file, QString *error)
{
    const QString shown = QDir::toNativeSeparators(file);
    const QFileInfo info(file);
    if (!info.exists()) {
        *error = tr("cannot sign %1: the file does not exist").arg(shown);
        return std::nullopt;
    }
    if (info.isDir()) {
        *error = tr("cannot sign %1: it is a folder, not a file").arg(shown);
        return std::nullopt;
    }
    if (!info.isFile()) {
        *error = tr("cannot sign %1: it is not a regular file").arg(shown);
        return std::nullopt;
    }
    // The operating system is asked with the real permissions (ACLs, read-only mounts), which a look at the
    // mode bits would not. The folder needs write (new receipt) and search (open it) permission.
    const QString folder = info.absolutePath();
    if (QString reason; !PlatformFolderAccess::canCreateFilesIn(folder, &reason)) {
        *error = tr("cannot sign %1: the receipt is written next to it, but its folder %2 is not writable (%3)")
                     .arg(shown, QDir::toNativeSeparators(folder), reason);
        return std::nullopt;
    }
    return DocumentDigest::ofFile(file, error);
}

SignFileCommand::Result SignFileCommand::saveReceipt(const Receipt &receipt, const QString &documentFile, bool json)
{
    Result result;
    QString error;
    const QString written = ReceiptWriter::write(receipt, documentFile, &error);
    const QString defaultPath = Receipt::defaultPathFor(documentFile);
    if (written.isEmpty()) {
        result.code = ExitCode::OrderFailed;
        result.error = tr("the document was signed, but its receipt could not be written: %1; the receipt is printed "
                          "on standard output instead: save it as %2")
                           .arg(error, QDir::toNativeSeparators(QFileInfo(defaultPath).fileName()));
        result.output = QString::fromUtf8(receipt.toBytes());
        return result;
    }
    result.receiptPath = QFileInfo(written).absoluteFilePath();
    const bool existed = QFileInfo(written).absoluteFilePath() != QFileInfo(defaultPath).absoluteFilePath();
    if (existed)
        result.notice = tr("a receipt already existed at %1; this one was saved as %2")
                            .arg(QDir::toNativeSeparators(defaultPath), QDir::toNativeSeparators(written));

    const QString maskedNumber =
        receipt.signerPersonalNumber().isEmpty() ? QString() : PersonalNumber::mask(receipt.signerPersonalNumber());
    const QString digestHex = QString::fromLatin1(receipt.documentSha256.toHex());
    if (json) {
        QJsonObject object;
        object.insert(QStringLiteral("status"), QStringLiteral("complete"));
        object.insert(QStringLiteral("orderRef"), receipt.orderRef());
        object.insert(QStringLiteral("receipt"), result.receiptPath);
        object.insert(QStringLiteral("receiptExisted"), existed);
        object.insert(QStringLiteral("signer"),
                      QJsonObject {{QStringLiteral("name"), receipt.signerName()},
                                   {QStringLiteral("personalNumberMasked"), maskedNumber}});
        object.insert(QStringLiteral("document"),
                      QJsonObject {{QStringLiteral("fileName"), receipt.documentFileName},
                                   {QStringLiteral("size"), double(receipt.documentSize)},
                                   {QStringLiteral("sha256"), digestHex}});
        result.output = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return result;
    }
    QString out;
    out += tr("Signed:    %1 (%2 bytes, SHA-256 %3)")
               .arg(receipt.documentFileName, QString::number(receipt.documentSize), digestHex)
           + u'\n';
    out += tr("Signer:    %1, personal number %2").arg(receipt.signerName(), maskedNumber) + u'\n';
    out += tr("Order:     %1").arg(receipt.orderRef()) + u'\n';
    out += tr("Receipt:   %1").arg(QDir::toNativeSeparators(result.receiptPath)) + u'\n';
    result.output = out;
    return result;
}

} // namespace bankid
