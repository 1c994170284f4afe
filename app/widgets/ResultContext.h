#pragma once

#include "ApiTypes.h"
#include "StartMethod.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace bankid {

/// What the desk knows about a completed order besides BankID's completionData: which flow and start
/// method, where it ran, the end-user IP it sent, the orderRef, the order times and what it asked to have
/// signed. Filled by the main window from the OrderRequest and the session; shown and exported by
/// ResultView.
///
/// \code
///   bankid::ResultContext context;
///   context.flow = request.flow;
///   context.endUserIp = request.endUserIp;
///   context.orderRef = session.orderRef();
///   resultView->showCompletion(*session.completion(), context);
/// \endcode
struct ResultContext {
    Flow flow = Flow::Auth;
    StartMethod startMethod = StartMethod::QrCode;
    QString environmentName;
    QString endUserIp;
    QString orderRef;
    QDateTime startedAt;
    QDateTime completedAt;
    QByteArray userVisibleDataSent;
    /// The text was sent as simpleMarkdownV1 (OrderRequest::userVisibleDataIsMarkdown): the result shows it
    /// rendered, as the signer saw it in the BankID app.
    bool userVisibleDataIsMarkdown = false;
    QByteArray userNonVisibleDataSent;
};

} // namespace bankid
