"use strict";
// What a front end on another origin does with each module, with the browser's own fetch() (CORS included).
// tests/browser/run.py evaluates ventanillaChecks(config) and fails on any check that is not ok, on a console
// error and on a failed request. config: {monitor, transporte, egresos} base URLs, plus egresosStaffToken (staff
// sign in with Auth0, which the local stack stands in for; the driver mints the token).

async function call(base, method, path, { token, body } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(base + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), mode: "cors",
  });
  const type = response.headers.get("Content-Type") || "";
  if (!type.startsWith("application/json")) {
    throw new Error(`${method} ${path}: ${response.status} with Content-Type ${type || "(none)"}`);
  }
  return { status: response.status, json: await response.json() };
}

function expect(condition, what) {
  if (!condition) throw new Error(what);
}

const checks = {
  async "monitor: login, then GET /api/expedientes"(config) {
    const login = await call(config.monitor, "POST", "/api/auth/login",
      { body: { username: "operador", password: "ventanilla" } });
    expect(login.status === 200 && typeof login.json.token === "string", `login answered ${login.status}`);
    const list = await call(config.monitor, "GET", "/api/expedientes", { token: login.json.token });
    expect(list.status === 200 && Array.isArray(list.json), `GET /api/expedientes answered ${list.status}`);
    return `${list.json.length} expedientes`;
  },

  async "transporte: login, then GET /solicitud"(config) {
    const login = await call(config.transporte, "POST", "/auth/login",
      { body: { username: "solicitante1", password: "ventanilla" } });
    expect(login.status === 200 && login.json.success === true, `login answered ${login.status}`);
    const list = await call(config.transporte, "GET", "/solicitud", { token: login.json.data.access_token });
    expect(list.status === 200 && list.json.success === true, `GET /solicitud answered ${list.status}`);
    return list.json.message;
  },

  async "egresos: supplier portal login, then GET /api/v1/suppliers/billing"(config) {
    const login = await call(config.egresos, "POST", "/api/v1/suppliers/session",
      { body: { email: "proveedor@example.com", password: "Password123" } });
    expect(login.status === 200 && login.json.authorization, `login answered ${login.status}`);
    const billing = await call(config.egresos, "GET", "/api/v1/suppliers/billing",
      { token: login.json.authorization.access_token });
    expect(billing.status === 200, `GET /api/v1/suppliers/billing answered ${billing.status}`);
    return "billing of " + login.json.company_name;
  },

  async "egresos: staff token, GET /api/v1/users/profile"(config) {
    const profile = await call(config.egresos, "GET", "/api/v1/users/profile", { token: config.egresosStaffToken });
    expect(profile.status === 200, `GET /api/v1/users/profile answered ${profile.status}`);
    return JSON.stringify(profile.json).slice(0, 80);
  },
};

async function ventanillaChecks(config) {
  const results = [];
  const list = document.getElementById("results");
  for (const [name, check] of Object.entries(checks)) {
    let result;
    try {
      result = { name, ok: true, detail: String(await check(config)) };
    } catch (error) {
      result = { name, ok: false, detail: String(error && error.message || error) };
    }
    results.push(result);
    const item = document.createElement("li");
    item.className = result.ok ? "ok" : "fail";
    item.textContent = `${name}: ${result.detail}`;
    list.appendChild(item);
  }
  return results;
}
