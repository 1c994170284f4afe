#pragma once

#include "SimpleMarkdown.h"

#include <QString>

namespace bankid {

/// Renders parsed simpleMarkdownV1 blocks as the small HTML subset QTextBrowser understands: headings
/// h1..h3, paragraphs with one <br> per source line, <ul> lists, <table> per tableIndex (a header row
/// uses <th>), <hr>, <b>/<i> spans. All text is HTML-escaped, so the operator's input is never markup.
///
/// \code
///   previewTextBrowser->setHtml(bankid::MarkdownPreview::toHtml(bankid::SimpleMarkdown::parse(text)));
/// \endcode
class MarkdownPreview
{
public:
    MarkdownPreview() = delete;

    static QString toHtml(const SimpleMarkdown &document);
    /// Plain text (not markdown): escaped, line breaks kept.
    static QString plainToHtml(const QString &text);
};

} // namespace bankid
