#pragma once

#include <QDialog>

class QLabel;
class QDialogButtonBox;

namespace bankid {

/// The About box: the app's version, the Qt version it runs on (and was built with), the OpenSSL version
/// (OpenSSL_version) and the environment currently in use.
///
/// \code
///   bankid::AboutDialog(connections.environmentName(), this).exec();
/// \endcode
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString &environmentName, QWidget *parent = nullptr);

    /// The versions block as plain text (tests, bug reports).
    QString versionsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_environmentName;
    QLabel *m_iconLabel;
    QLabel *m_titleLabel;
    QLabel *m_versionsLabel;
    QDialogButtonBox *m_buttonBox;
};

} // namespace bankid
