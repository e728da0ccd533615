#include "cases/uploadfile.h"

#include <QTest>

#include <string>

using namespace onewindow::server;

class tst_UploadFile : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLastPathComponent()
    {
        QCOMPARE(cleanFilename("C:\\Users\\clerk\\scan.pdf"), std::string("scan.pdf"));
        QCOMPARE(cleanFilename("../../etc/passwd"), std::string("passwd"));
        QCOMPARE(cleanFilename("a/.."), std::string());
        QCOMPARE(cleanFilename("."), std::string());
    }

    void dropsControlCharactersAndQuotes()
    {
        QCOMPARE(cleanFilename("sc\"an\r\n\x7f.pdf"), std::string("scan.pdf"));
        QCOMPARE(cleanFilename(std::string("a\0b.png", 7)), std::string("ab.png"));
    }

    void keepsUtf8Names()
    {
        const std::string name = "营业执照（副本）.pdf";
        QCOMPARE(cleanFilename(name), name);
    }

    // The database and the JSON answers take UTF-8 only: bytes that are not part of a
    // well-formed sequence are dropped, whole sequences kept.
    void dropsBytesThatAreNotUtf8()
    {
        QCOMPARE(cleanFilename("filena\xC5\xC5\xC5me.pdf"), std::string("filename.pdf"));
        QCOMPARE(cleanFilename("\xE8\x90scan.pdf"), std::string("scan.pdf"));            // cut short
        QCOMPARE(cleanFilename("\xC0\xAF.pdf"), std::string(".pdf"));                   // overlong '/'
        QCOMPARE(cleanFilename("\xED\xA0\x80x.pdf"), std::string("x.pdf"));             // a surrogate
        QCOMPARE(cleanFilename("\xF4\x90\x80\x80x.pdf"), std::string("x.pdf"));         // past U+10FFFF
        QCOMPARE(cleanFilename("\xF0\x9F\x93\x84.pdf"), std::string("\xF0\x9F\x93\x84.pdf")); // U+1F4C4
    }

    void cutsAt200BytesOnWholeCharacters()
    {
        std::string name;
        for (int i = 0; i < 100; ++i)
            name += "营"; // 3 bytes each
        const std::string cut = cleanFilename(name);
        QCOMPARE(cut.size(), std::size_t(198));
        QCOMPARE(cleanFilename(cut), cut);
        QCOMPARE(cleanFilename(std::string(300, 'a')).size(), std::size_t(200));
    }

    void readsTheFilenameOfAContentDisposition()
    {
        QCOMPARE(filenameOfContentDisposition("form-data; name=\"file\"; filename=\"scan.pdf\""), std::string("scan.pdf"));
        QCOMPARE(filenameOfContentDisposition("attachment; filename=scan.pdf; size=3"), std::string("scan.pdf"));
        QCOMPARE(filenameOfContentDisposition("attachment; filename=\"unterminated"), std::string("unterminated"));
        QCOMPARE(filenameOfContentDisposition("attachment"), std::string());
    }

    void sniffsTheMediaTypeFromTheContent()
    {
        QCOMPARE(mediaTypeOfContent("%PDF-1.7"), std::optional<std::string>("application/pdf"));
        QCOMPARE(mediaTypeOfContent("\xFF\xD8\xFF\xE0"), std::optional<std::string>("image/jpeg"));
        QCOMPARE(mediaTypeOfContent(std::string("\x89PNG\r\n\x1A\n\0", 9)), std::optional<std::string>("image/png"));
        QCOMPARE(mediaTypeOfContent("GIF89a"), std::optional<std::string>());
        QCOMPARE(mediaTypeOfContent("%PDF"), std::optional<std::string>());
    }

    void answersAnAsciiNameAndTheRealOneEncoded()
    {
        QCOMPARE(contentDispositionOf("scan.pdf", "application/pdf"),
                 std::string("inline; filename=\"scan.pdf\"; filename*=UTF-8''scan.pdf"));
        QCOMPARE(contentDispositionOf("照片.png", "image/png"),
                 std::string("inline; filename=\"attachment.png\"; filename*=UTF-8''%E7%85%A7%E7%89%87.png"));
    }
};

QTEST_APPLESS_MAIN(tst_UploadFile)
#include "tst_uploadfile.moc"
