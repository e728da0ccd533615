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

} // namespace

void registerAttachmentRoutes(Router &router, Services &s)
{
    const std::string api = "/api/v1";

    router.add("POST", api + "/cases/{id}/attachments", [&s](Request &req) {
        return s.attachments.upload(req.user(), req.pathParams.at("id"), req.header("idempotency-key"),
                                    uploadFilename(req), req.body);
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
