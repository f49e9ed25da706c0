"use strict";
// Monitor's admin panel (ruling M16): logs in as an Administrador (POST /api/auth/login), keeps the token in
// sessionStorage and shows health, diagnóstico, cloud backup (state, progress, log, bulk export) and the recent
// application log. Every route is Monitor's own, on this origin (monitor.md §4.3, §4.11-§4.13).
//
// A route that answers 404 or 503 is shown as "no disponible" (a server without cloud backup, or one whose
// backup routes are not deployed yet), never as a blank section. Each section carries data-estado
// (cargando, listo, no-disponible, error) and <body data-panel="listo"> says every section has settled.
// Everything the server sends is written with textContent, never as HTML.

const TOKEN_KEY = "ventanilla.monitor.token";
const USER_KEY = "ventanilla.monitor.usuario";
const REFRESH_MS = 30000;
const PROGRESS_MS = 2000;
const fecha = new Intl.DateTimeFormat("es-MX", {
  timeZone: "America/Mexico_City", dateStyle: "short", timeStyle: "medium",
});

const $ = (id) => document.getElementById(id);
let refreshTimer = null;
let progressTimer = null;

/** An answer the panel cannot use (status and the server's `error` text). */
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  get unavailable() { return this.status === 404 || this.status === 503; }
}

function token() { return sessionStorage.getItem(TOKEN_KEY); }

/** One call to the API; the parsed JSON, or an ApiError (a 401 also ends the session). */
async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  const bearer = token();
  if (bearer) headers.Authorization = "Bearer " + bearer;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, "Sin conexión con el servidor");
  }
  let json = null;
  if ((response.headers.get("Content-Type") || "").startsWith("application/json")) {
    json = await response.json().catch(() => null);
  }
  if (!response.ok) {
    const message = (json && typeof json.error === "string") ? json.error : `Error ${response.status}`;
    if (response.status === 401 && bearer && path !== "/api/auth/login") {
      logout("La sesión expiró o ya no es válida; vuelve a iniciar sesión.");
    }
    throw new ApiError(response.status, message);
  }
  return json;
}

// ---- small DOM helpers -------------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function when(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : fecha.format(date);
}

function yesNo(ok, yes = "Sí", no = "No") {
  return el("span", { class: ok ? "estado-ok" : "estado-fallo" }, ok ? "✔ " + yes : "✖ " + no);
}

function definitions(pairs) {
  const list = el("dl", { class: "datos" });
  for (const [term, value] of pairs) list.append(el("dt", {}, term), el("dd", {}, value));
  return list;
}

function table(caption, headers, rows) {
  const head = el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)));
  const body = el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c) => el("td", {}, c)))));
  return el("table", {}, el("caption", {}, caption), el("thead", {}, head), body);
}

/** Fills `target` (an element or its id) by running `load`; records the outcome in data-estado. */
async function fill(target, load) {
  const node = typeof target === "string" ? $(target) : target;
  const box = node.querySelector(":scope > .contenido") || node;
  node.dataset.estado = "cargando";
  node.setAttribute("aria-busy", "true");
  try {
    const content = await load();
    box.replaceChildren(content);
    node.dataset.estado = "listo";
  } catch (error) {
    if (!(error instanceof ApiError)) {
      // An answer of a shape this page does not know: shown, and reported on the console.
      box.replaceChildren(el("p", { class: "error", role: "alert" }, "Respuesta inesperada del servidor."));
      node.dataset.estado = "error";
      throw error;
    }
    if (error.unavailable) {
      box.replaceChildren(el("p", { class: "no-disponible" }, `No disponible (${error.status}): ${error.message}`));
      node.dataset.estado = "no-disponible";
    } else {
      box.replaceChildren(el("p", { class: "error", role: "alert" }, `Error ${error.status || ""}: ${error.message}`));
      node.dataset.estado = "error";
    }
  } finally {
    node.setAttribute("aria-busy", "false");
  }
}

// ---- sections ----------------------------------------------------------------------------------------------

async function loadHealth() {
  const h = await api("GET", "/api/health");
  return definitions([
    ["Servidor", yesNo(h.backend, "Activo", "Caído")],
    ["Base de datos", yesNo(h.database, "Responde", "Sin respuesta")],
    ["Disco", `${h.disco.libre_GB} GB libres de ${h.disco.total_GB} GB (usados ${h.disco.usado_GB} GB)`],
    ["Evidencias", `${h.evidencias.archivos} archivos, ${h.evidencias["tamaño_MB"]} MB`],
    ["Expedientes", String(h.expedientes)],
    ["Memoria", `${h.ram.usada_MB} MB usados de ${h.ram.total_MB} MB`],
    ["Tu dirección", h.ip],
  ]);
}

async function loadDiagnostico() {
  const [checks, sync] = await Promise.all([
    api("GET", "/api/diagnostico/checks"),
    api("GET", "/api/diagnostico/sync-pendientes"),
  ]);
  const rows = checks.checks.map((c) => [c.nombre, yesNo(c.ok, "Correcto", "Falla"), when(c.timestamp)]);
  const body = el("div", {},
    el("p", {}, "Última ejecución: ", when(checks.ultimaEjecucion)),
    rows.length ? table("Verificaciones periódicas (cada 5 minutos)", ["Verificación", "Resultado", "Hora"], rows)
      : el("p", { class: "aviso" }, "Las verificaciones aún no se han ejecutado."),
    el("p", {}, "Expedientes pendientes de subir a la nube: ", el("strong", { id: "sync-pendientes" }, String(sync.pendientes))));
  return body;
}

async function loadHistorial() {
  const rows = await api("GET", "/api/diagnostico/historial-reciente");
  if (!rows.length) return el("p", { class: "aviso" }, "Sin cambios de estado registrados.");
  return table("Los 20 cambios más recientes", ["Fecha", "No. siniestro", "Estado anterior", "Estado nuevo"],
    rows.map((r) => [when(r.fecha_cambio), r.no_siniestro, r.estado_anterior || "—", r.estado_nuevo]));
}

async function loadBackupEstado() {
  const e = await api("GET", "/api/backup/estado");
  const pairs = [];
  if (e.nube) {
    pairs.push(["Nube", e.nube.estado], ["Último respaldo", when(e.nube.ultimo_respaldo)],
      ["Último error", e.nube.ultimo_error || "Ninguno"], ["Archivos pendientes", String(e.nube.pendientes)]);
  }
  if (e.disco_local) {
    pairs.push(["Disco local", `${e.disco_local.libre_gb} GB libres de ${e.disco_local.total_gb} GB`]);
  }
  if (e.evidencias) {
    pairs.push(["Evidencias", `${e.evidencias.totales} en total: ${e.evidencias.local} locales, ${e.evidencias.nube} en la nube`]);
  }
  if (e.expedientes) pairs.push(["Expedientes", String(e.expedientes.totales)]);
  return definitions(pairs);
}

async function loadProgreso() {
  const p = await api("GET", "/api/backup/progreso");
  const bar = el("progress", { max: String(Math.max(p.total, 1)), value: String(p.procesados), "aria-label": "Archivos procesados" });
  const parts = [
    el("p", {}, p.corriendo ? "Exportación en curso" : "Sin exportación en curso",
      p.terminado_en ? ` · terminó ${when(p.terminado_en)}` : ""),
    bar,
    el("p", {}, `${p.procesados} de ${p.total} procesados · ${p.subidas} subidos · ${p.fallidas} fallidos`),
  ];
  if (p.archivoActual) parts.push(el("p", {}, "Archivo actual: ", p.archivoActual));
  if (p.error) parts.push(el("p", { class: "error" }, "Error: ", p.error));
  scheduleProgress(p.corriendo);
  return el("div", {}, ...parts);
}

async function loadBackupLogs() {
  const entries = await api("GET", "/api/backup/logs");
  if (!entries.length) return el("p", { class: "aviso" }, "La bitácora de respaldos está vacía.");
  return table("Respaldos, del más reciente al más antiguo", ["Fecha", "Tipo", "Resultado", "Detalle"],
    entries.slice(0, 50).map((e) => [when(e.fecha), e.tipo, e.resultado, e.detalle]));
}

/** The level of a log line of monitor.md §8.1 (`[ISO] [LEVEL] [Context] message`). */
function level(line) {
  const match = /^\[[^\]]*\] \[(ERROR|WARN|SUCCESS|INFO)\]/.exec(line);
  return match ? match[1].toLowerCase() : "info";
}

async function loadLogs() {
  const lines = await api("GET", "/api/logs?limite=" + encodeURIComponent($("limite").value));
  if (!lines.length) return el("p", { class: "aviso" }, "La bitácora está vacía.");
  const counts = { error: 0, warn: 0, success: 0, info: 0 };
  const list = el("ol", { class: "lineas", "aria-label": "Líneas de la bitácora, la más reciente primero" });
  for (const line of lines) {
    const kind = level(line);
    counts[kind] += 1;
    list.append(el("li", { class: "nivel-" + kind }, line));
  }
  return el("div", {},
    el("p", {}, `${lines.length} líneas, la más reciente primero: ${counts.error} errores, ${counts.warn} advertencias, ${counts.success} éxitos.`),
    list);
}

// ---- actions -----------------------------------------------------------------------------------------------

function scheduleProgress(running) {
  clearTimeout(progressTimer);
  progressTimer = running ? setTimeout(() => fill("progreso", loadProgreso), PROGRESS_MS) : null;
}

async function exportar() {
  const button = $("exportar");
  const out = $("exportar-resultado");
  button.disabled = true;
  out.className = "";
  try {
    await api("POST", "/api/backup/exportar");
    out.textContent = "Exportación iniciada.";
    out.dataset.resultado = "iniciada";
    await fill("progreso", loadProgreso);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // 409: one already runs; 503: no cloud configured; 404: this server has no backup routes.
    out.dataset.resultado = error.status === 409 ? "en-curso" : error.unavailable ? "no-disponible" : "error";
    out.className = error.status === 409 ? "aviso" : error.unavailable ? "no-disponible" : "error";
    out.textContent = error.status === 404 ? `No disponible (404): ${error.message}`
      : error.status === 409 ? error.message
        : error.status === 503 ? `No disponible (503): ${error.message}`
          : `Error ${error.status || ""}: ${error.message}`;
  } finally {
    button.disabled = false;
  }
}

async function refresh() {
  document.body.dataset.panel = "cargando";
  $("estado-carga").textContent = "Cargando…";
  await Promise.all([
    fill("salud", loadHealth),
    fill("diagnostico", loadDiagnostico),
    fill("respaldo", loadBackupEstado),
    fill("progreso", loadProgreso),
    fill("respaldo-logs", loadBackupLogs),
    fill("historial", loadHistorial),
    fill("logs", loadLogs),
  ]);
  if (!token()) return;  // a 401 ended the session meanwhile
  $("estado-carga").textContent = "Actualizado: " + fecha.format(new Date());
  document.body.dataset.panel = "listo";
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, REFRESH_MS);
}

function showDashboard() {
  const usuario = JSON.parse(sessionStorage.getItem(USER_KEY) || "{}");
  $("usuario-actual").textContent = `${usuario.nombre || usuario.username || ""} (${usuario.rol || ""})`;
  $("acceso").hidden = true;
  $("sesion").hidden = false;
  $("tablero").hidden = false;
  $("titulo").focus();
  refresh();
}

function logout(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  clearTimeout(refreshTimer);
  clearTimeout(progressTimer);
  $("tablero").hidden = true;
  $("sesion").hidden = true;
  $("acceso").hidden = false;
  document.body.dataset.panel = "acceso";
  showLoginError(message);
  $("username").focus();
}

function showLoginError(message) {
  const box = $("login-error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function login(event) {
  event.preventDefault();
  const username = $("username").value.trim();
  const password = $("password").value;
  if (!username || !password) {
    showLoginError("Escribe tu usuario y tu contraseña.");
    return;
  }
  const button = event.submitter || $("login").querySelector("button");
  button.disabled = true;
  showLoginError("");
  try {
    const answer = await api("POST", "/api/auth/login", { username, password });
    if (answer.usuario.rol !== "Administrador") {
      showLoginError("Este panel es sólo para administradores.");
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, answer.token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(answer.usuario));
    $("password").value = "";
    showDashboard();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showLoginError(error.status === 429 ? "Demasiados intentos; espera un momento." : error.message);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", login);
  $("salir").addEventListener("click", () => logout(""));
  $("actualizar").addEventListener("click", refresh);
  $("exportar").addEventListener("click", exportar);
  $("limite").addEventListener("change", () => fill("logs", loadLogs));
  if (token()) showDashboard();
  else document.body.dataset.panel = "acceso";
});
