#include "api/services.h"

#include "cases/attachments.h"
#include "cases/uploadfile.h"
#include "http/router.h"
#include "json.h"

namespace onewindow::server {

namespace {

// The file name of an upload: `?filename=`, else the `filename` of a Content-Disposition header.
std::string uploadFilename(const Request &req)
{
    if (std::string name = req.queryParam("filename"); !name.empty())
        return name;
    return filenameOfContentDisposition(req.header("content-disposition"));
}

// RFC 9530: Content-Digest, else Repr-Digest (the same for a body sent without content coding).
std::string uploadDigest(const Request &req)
{
    if (std::string digest = req.header("content-digest"); !digest.empty())
        return digest;
    return req.header("repr-digest");
}

} // namespace

void registerAttachmentRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/cases/{id}/attachments", [&s](Request &req) {
        return s.attachments.upload(req.user(), req.pathParams.at("id"), req.header("idempotency-key"),
                                    uploadFilename(req), req.body, uploadDigest(req));
    });

    router.add("GET", api + "/cases/{id}/attachments", [&s](Request &req) {
        return Response::json(200, s.attachments.list(req.user(), req.pathParams.at("id")));
    });

    router.add("GET", api + "/cases/{id}/attachments/{aid}/content", [&s](Request &req) {
        return s.attachments.content(req.user(), req.pathParams.at("id"), req.pathParams.at("aid"),
                                     req.header("if-none-match"));
    });
}

} // namespace onewindow::server
