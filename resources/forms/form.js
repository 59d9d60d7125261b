// DLXH electronic form: skip rules, checks, and sealing the answers to the office (app/forms).
// Runs after age-seal.min.js (global DLXHAge). Nothing is written to browser storage except,
// on a served survey, a flag that this browser has already sent one (never the answers).
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("dlxh-config").textContent);
  var form = document.getElementById("dlxh-form");
  var done = document.getElementById("done");
  var sentKey = "dlxh-sent-" + cfg.form_id;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function randomHex(n) {
    var b = new Uint8Array(n);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }

  // ---- survey questions: value of a question, skip rules (a chain follows its controller)
  function valueOf(fs) {
    var kind = fs.dataset.kind, name = "q" + fs.dataset.no;
    if (kind === "multiple") {
      return $$("input[name='" + name + "']:checked", fs).map(function (i) { return parseInt(i.value, 10); });
    }
    if (kind === "single" || kind === "likert") {
      var c = $("input[name='" + name + "']:checked", fs);
      return c ? parseInt(c.value, 10) : null;
    }
    var el = $("[name='" + name + "']", fs);
    var t = el.value.trim();
    if (!t) return null;
    if (kind === "number") { var n = Number(t.replace(",", ".")); return isNaN(n) ? t : n; }
    return t;
  }

  function applySkips() {
    var shown = {};
    $$("fieldset.q").forEach(function (fs) {
      var q = fs.dataset.skipQ, o = parseInt(fs.dataset.skipO || "0", 10), on = true;
      if (q) {
        var ctrl = $("fieldset.q[data-no='" + q + "']");
        var v = shown[q] ? valueOf(ctrl) : null;
        on = Array.isArray(v) ? v.indexOf(o) >= 0 : v === o;
      }
      shown[fs.dataset.no] = on;
      fs.hidden = !on;
      var note = $(".skipped[data-for='" + fs.dataset.no + "']");
      if (note) note.hidden = on;   // a skipped question keeps its place as one line
      $$("input,select,textarea", fs).forEach(function (el) { el.disabled = !on; });
    });
  }

  function say(fs, text) {
    var p = $(".err", fs);
    if (!p) { p = document.createElement("p"); p.className = "err"; p.setAttribute("role", "alert"); fs.appendChild(p); }
    p.textContent = text;
    p.hidden = !text;
    fs.classList.toggle("invalid", !!text);
  }

  function surveyPayload() {
    var answers = {}, bad = [];
    $$("fieldset.q").forEach(function (fs) {
      say(fs, "");
      if (fs.hidden) return;
      var v = valueOf(fs), empty = v === null || (Array.isArray(v) && !v.length);
      if (empty) { if (fs.dataset.required === "1") { say(fs, "Câu này bắt buộc trả lời."); bad.push(fs); } return; }
      if (fs.dataset.kind === "number") {
        var el = $("input", fs), min = el.min !== "" ? Number(el.min) : null, max = el.max !== "" ? Number(el.max) : null;
        if (typeof v !== "number") { say(fs, "Hãy ghi một con số."); bad.push(fs); return; }
        if ((min !== null && v < min) || (max !== null && v > max)) { say(fs, "Số phải từ " + min + " đến " + max + "."); bad.push(fs); return; }
      }
      answers[fs.dataset.no] = v;
    });
    var profile = {};
    $$("select.profile").forEach(function (s) { if (s.value) profile[s.name.slice(2)] = s.value; });
    return { bad: bad, payload: { v: 1, kind: "survey", office: cfg.office, survey: cfg.survey, qhash: cfg.qhash,
      rid: randomHex(16), profile: profile, answers: answers } };
  }

  // ---- collaborator's report: several items, each a fieldset cloned from a template
  function addItem() {
    var list = $("#items"), n = $$("fieldset.item", list).length + 1;
    if (n > cfg.max_items) return;
    var node = document.importNode($("#item-template").content, true);
    $$("[data-for]", node).forEach(function (el) { el.setAttribute("for", el.dataset.for + "-" + n); });
    $$("[data-id]", node).forEach(function (el) { el.id = el.dataset.id + "-" + n; });
    $$("input[type=radio]", node).forEach(function (el) { el.name = "scale-" + n; });
    $(".item-no", node).textContent = "Ý kiến " + n;
    $("button.remove", node).addEventListener("click", function (ev) {
      ev.target.closest("fieldset.item").remove();
      renumber();
    });
    list.appendChild(node);
    renumber();
  }

  function renumber() {
    var items = $$("fieldset.item");
    items.forEach(function (fs, i) {
      $(".item-no", fs).textContent = "Ý kiến " + (i + 1);
      $("button.remove", fs).hidden = items.length === 1;
    });
    $("#add-item").hidden = items.length >= cfg.max_items;
  }

  function reportPayload() {
    var items = [], bad = [];
    $$("fieldset.item").forEach(function (fs) {
      say(fs, "");
      var get = function (k) { var el = $("[data-key='" + k + "']", fs); return el ? el.value.trim() : ""; };
      var scale = $("input[type=radio]:checked", fs);
      var item = { summary: get("summary"), field: get("field"), tendency: get("tendency"),
        area_code: get("area_code") || null, scale: scale ? scale.value : "", proposal: get("proposal") || null };
      var missing = [];
      if (!item.summary) missing.push("nội dung");
      if (!item.field) missing.push("lĩnh vực");
      if (!item.tendency) missing.push("xu hướng");
      if (!item.scale) missing.push("mức độ quan tâm");
      if (missing.length) { say(fs, "Còn thiếu: " + missing.join(", ") + "."); bad.push(fs); return; }
      items.push(item);
    });
    return { bad: bad, payload: { v: 1, kind: "report", office: cfg.office, token: cfg.token, rid: randomHex(16),
      items: items } };
  }

  // ---- sealing and handing the response over
  function showSealed(sealed, rid) {
    var name = (cfg.kind === "survey" ? "phieu-" : "baocao-") + rid.slice(0, 8) + ".age";
    var file = new Blob([sealed.bytes], { type: "application/octet-stream" });
    var a = $("#download");
    a.href = URL.createObjectURL(file);
    a.download = name;
    $("#armored").value = sealed.armored;
    var share = $("#share");
    var shareFile = typeof File === "function" ? new File([sealed.bytes], name, { type: "application/octet-stream" }) : null;
    share.hidden = !(shareFile && navigator.canShare && navigator.canShare({ files: [shareFile] }));
    share.onclick = function () { navigator.share({ files: [shareFile], title: cfg.title }).catch(function () {}); };
    $("#by-file").hidden = false;
  }

  function post(sealed) {
    return fetch(cfg.post, { method: "POST", body: sealed.armored, credentials: "same-origin",
      headers: { "Content-Type": "text/plain;charset=utf-8" } }).then(function (r) {
      return r.text().then(function (t) { if (!r.ok) throw new Error(t || ("HTTP " + r.status)); return t; });
    });
  }

  function submit(ev) {
    ev.preventDefault();
    var built = cfg.kind === "survey" ? surveyPayload() : reportPayload();
    var status = $("#status");
    if (built.bad.length) {
      status.textContent = "Phiếu còn " + built.bad.length + " chỗ chưa đúng, xem các dòng màu đỏ.";
      built.bad[0].scrollIntoView({ block: "center" });
      var first = $("input,select,textarea", built.bad[0]);
      if (first) first.focus();
      return;
    }
    var button = $("#submit");
    button.disabled = true;
    status.textContent = "Đang mã hóa phiếu…";
    var bytes = new TextEncoder().encode(JSON.stringify(built.payload));
    DLXHAge.seal(cfg.recipient, bytes).then(function (sealed) {
      // The readable answers leave the page: only the sealed response remains.
      form.reset();
      form.hidden = true;
      done.hidden = false;
      if (cfg.post) {
        $("#done-title").textContent = "Đang gửi phiếu…";
        return post(sealed).then(function (said) {
          try { localStorage.setItem(sentKey, "1"); } catch (e) { /* private mode: the cookie still counts */ }
          $("#done-title").textContent = said;
          $("#again").hidden = true;
        }, function (e) {
          $("#done-title").textContent = "Chưa gửi được: " + e.message + " Hãy lưu tệp phiếu dưới đây và gửi sau.";
          showSealed(sealed, built.payload.rid);
        });
      }
      $("#done-title").textContent = "Phiếu đã được mã hóa, chỉ " + cfg.office_name + " mở được.";
      showSealed(sealed, built.payload.rid);
    }).catch(function (e) {
      status.textContent = "Không mã hóa được phiếu: " + e.message;
    }).then(function () { button.disabled = false; });
  }

  function copyArmored() {
    var t = $("#armored");
    t.focus();
    t.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    $("#copied").textContent = ok ? "Đã sao chép. Hãy dán vào tin nhắn gửi đơn vị." : "Hãy chọn cả khối chữ rồi sao chép.";
  }

  if (cfg.kind === "survey") {
    form.addEventListener("change", applySkips);
    form.addEventListener("input", applySkips);
    applySkips();
  } else {
    $("#add-item").addEventListener("click", addItem);
    addItem();
  }
  form.addEventListener("submit", submit);
  $("#copy").addEventListener("click", copyArmored);
  $("#again").addEventListener("click", function () { window.location.reload(); });
  var already = false;
  try { already = localStorage.getItem(sentKey) === "1"; } catch (e) { already = false; }
  if (cfg.post && cfg.kind === "survey" && (already || document.cookie.indexOf(sentKey + "=1") >= 0)) {
    form.hidden = true;
    done.hidden = false;
    $("#done-title").textContent = "Trình duyệt này đã gửi một phiếu. Cảm ơn anh/chị!";
    $("#again").hidden = true;
  }
})();
