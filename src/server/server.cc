// SPDX-License-Identifier: MIT
#include "server/server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "server/access.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/http.h"
#include "server/router.h"

namespace stride::server {
namespace {

core::Date LocalToday() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return core::Date::FromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                             static_cast<unsigned>(local.tm_mday));
}

// Scripts only from the page itself; uPlot sets element styles, hence 'unsafe-inline' for styles.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

Status CheckOptions(const ServerOptions& o) {
  if (o.port < 0 || o.port > 65535) return Fail(core::ErrorCode::kInvalidArgument, "port must be 0-65535", "--port");
  if (o.token && o.token->size() < kMinTokenLength) {
    return Fail(core::ErrorCode::kInvalidArgument, "a token needs at least 16 characters", "--token");
  }
  if (!IsLoopbackHost(o.host) && !o.token) {
    return Fail(core::ErrorCode::kInvalidArgument,
                "binding to " + o.host + " exposes your data to the network; add --token with a secret", "--host");
  }
  return Ok();
}

}  // namespace

struct DashboardServer::Impl {
  ServerOptions options;
  ApiContext api;
  AccessPolicy access;
  Router router;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_finished{false};
  std::atomic<bool> stop_sent{false};

  void AddStaticRoutes();
  void Configure();
};

void DashboardServer::Impl::AddStaticRoutes() {
  size_t count = 0;
  const Asset* assets = AllAssets(&count);
  for (size_t i = 0; i < count; ++i) {
    const Asset* asset = &assets[i];
    router.Add("GET", std::string(asset->path), [asset](const httplib::Request&, const PathParams&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-cache");
      res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type).c_str());
    });
  }
}

void DashboardServer::Impl::Configure() {
  http.set_payload_max_length(static_cast<size_t>(options.max_upload_bytes));
  http.set_keep_alive_timeout(2);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Content-Security-Policy", kContentSecurityPolicy}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    auto rejection = CheckAccess(req, access);
    if (!rejection) return httplib::Server::HandlerResponse::Unhandled;
    if (rejection->status == 401) res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, rejection->status, rejection->code, rejection->message, req.path);
    return httplib::Server::HandlerResponse::Handled;
  });
  auto dispatch = [this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/")) res.set_header("Cache-Control", "no-store");
    router.Dispatch(req, res);
  };
  // Every method reaches the router, which answers 404 and 405 itself.
  http.Get(".*", dispatch).Post(".*", dispatch).Put(".*", dispatch).Patch(".*", dispatch);
  http.Delete(".*", dispatch).Options(".*", dispatch);
  // Errors httplib raises itself (413, 400 on a malformed request) get the same JSON body.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) {
      SendError(res, 413, "payload_too_large", "the request body is larger than the limit", req.path);
    } else {
      SendError(res, res.status, "http_error", "the request could not be handled", req.path);
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "unexpected failure", req.path);
  });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 500) std::cerr << "stride serve: " << req.method << " " << req.path << " -> " << res.status << "\n";
  });
}

Result<std::unique_ptr<DashboardServer>> DashboardServer::Create(ServerOptions options) {
  if (auto s = CheckOptions(options); !s) return Fail(s.error());
  if (!options.today) options.today = LocalToday;
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->api = ApiContext{impl->options.db_path, impl->options.today};
  impl->access = AccessPolicy{impl->options.token, IsLoopbackHost(impl->options.host)};
  if (auto db = impl->api.OpenDatabase(); !db) return Fail(db.error());  // creates and migrates it once
  AddApiRoutes(impl->router, impl->api);
  impl->AddStaticRoutes();
  impl->Configure();
  const std::string& host = impl->options.host;
  if (impl->options.port == 0) {
    impl->port = impl->http.bind_to_any_port(host);
  } else if (impl->http.bind_to_port(host, impl->options.port)) {
    impl->port = impl->options.port;
  }
  if (impl->port <= 0) {
    return Fail(core::ErrorCode::kIoError, "cannot listen there (in use, or not an address of this machine)",
                host + ":" + std::to_string(impl->options.port));
  }
  return std::unique_ptr<DashboardServer>(new DashboardServer(std::move(impl)));
}

DashboardServer::DashboardServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DashboardServer::~DashboardServer() { Stop(); }

int DashboardServer::port() const { return impl_->port; }

std::string DashboardServer::url() const {
  const std::string& host = impl_->options.host;
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port) + "/";
}

Status DashboardServer::Run() {
  impl_->run_started = true;
  Status status = Ok();
  if (!impl_->stop_requested && !impl_->http.listen_after_bind() && !impl_->stop_requested) {
    status = Fail(core::ErrorCode::kIoError, "the server stopped unexpectedly", url());
  }
  impl_->run_finished = true;
  return status;
}

void DashboardServer::Stop() {
  impl_->stop_requested = true;
  // Run() may be between its check of stop_requested and listening: wait until it listens or ends.
  while (impl_->run_started && !impl_->run_finished && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // httplib's stop() must run once, and only while listening.
  if (impl_->http.is_running() && !impl_->stop_sent.exchange(true)) impl_->http.stop();
}

}  // namespace stride::server
