// 手机答题: pick a name once, then answer what the projector shows. No framework, nothing fetched
// from outside the host PC. The phone keeps its token: a dropped connection or a reload goes on
// where it was.
"use strict";
(function () {
  var base = location.pathname.replace(/[^/]*$/, "");
  var token = localStorage.getItem("studyapp:" + base) || "";
  var chosen = [];
  var current = null;
  var source = null;
  var ticking = null;
  var $ = function (id) { return document.getElementById(id); };

  function show(id) {
    ["pick", "wait", "ask"].forEach(function (s) { $(s).hidden = s !== id; });
  }
  function error(text) {
    $("error").textContent = text || "";
    $("error").hidden = !text;
  }
  function post(path, body) {
    return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" },
                                body: JSON.stringify(body), cache: "no-store" })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); });
  }

  function loadPeople() {
    show("pick");
    fetch(base + "api/people", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (d) {
      var box = $("people");
      box.textContent = "";
      d.people.forEach(function (p) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = p.name + (p.taken ? "（已登录）" : "");
        b.disabled = p.taken;
        b.addEventListener("click", function () { join(p.id); });
        box.appendChild(b);
      });
    }).catch(function () { error("无法连接主持人的电脑，请确认手机连着单位的无线网络。"); });
  }

  function join(id) {
    post("api/join", { person: id }).then(function (r) {
      if (!r.ok) { error(r.data.error); loadPeople(); return; }
      error("");
      token = r.data.token;
      localStorage.setItem("studyapp:" + base, token);
      listen();
    });
  }

  function listen() {
    if (source) { source.close(); }
    source = new EventSource(base + "api/events?token=" + encodeURIComponent(token));
    source.onmessage = function (e) { $("net").hidden = true; render(JSON.parse(e.data)); };
    source.addEventListener("released", function () {
      source.close(); token = ""; localStorage.removeItem("studyapp:" + base); loadPeople();
    });
    source.onerror = function () {
      $("net").hidden = false;
      if (source.readyState === EventSource.CLOSED) {
        // the token was refused (the quiz restarted): choose the name again
        fetch(base + "api/people", { cache: "no-store" }).then(function (r) {
          if (r.ok) { token = ""; localStorage.removeItem("studyapp:" + base); $("net").hidden = true; loadPeople(); }
        }).catch(function () { setTimeout(listen, 3000); });
      }
    };
  }

  function render(s) {
    $("who").textContent = s.name ? "答题人：" + s.name + (s.team ? "（" + (s.individual ? "个人赛" : s.team) + "）" : "") : "";
    var q = s.question;
    if (!q) {
      current = null; show("wait"); clock(null);
      $("waittext").textContent = s.signin ? "签到成功！" + s.name + "，欢迎参加学习。" :
        (s.team && !s.individual ? "您在" + s.team + "。" : "") + "请看投影，等待主持人出题。";
      return;
    }
    var fresh = !current || current.index !== q.index;
    current = q;
    show("ask");
    $("qno").textContent = "第 " + q.number + " 题 / 共 " + q.of + " 题　" + q.type_name;
    $("stem").textContent = q.stem;
    if (fresh) { chosen = []; drawOptions(q); }
    if (s.contest) { contest(s, q, s.contest); return; }
    $("turn").hidden = true; $("buzz").hidden = true; $("options").hidden = false;
    if (q.type === "paper") {
      $("submit").hidden = true;
      $("status").className = "status";
      $("status").textContent = s.reveal ? "正确答案：" + s.reveal.answer_text : "本题请在答题纸上作答。";
      clock(s.locked || s.reveal ? null : s.seconds_left);
      return;
    }
    var closed = s.answered || s.locked || !!s.reveal;
    Array.prototype.forEach.call($("options").children, function (b, i) {
      b.disabled = closed;
      if (s.answered) { b.classList.toggle("on", mine(s.mine, q).indexOf(i) >= 0); }
    });
    $("submit").disabled = closed;
    $("submit").hidden = closed;
    var st = $("status");
    st.className = "status";
    if (s.reveal) {
      if (s.reveal.correct === true) { st.textContent = "回答正确！"; st.classList.add("good"); }
      else if (s.reveal.correct === false) { st.textContent = "回答错误。正确答案：" + s.reveal.answer_text; st.classList.add("bad"); }
      else { st.textContent = "未作答。正确答案：" + s.reveal.answer_text; }
    } else if (s.answered) { st.textContent = "已提交，请等待公布答案。"; }
    else if (s.locked) { st.textContent = "作答时间已到。"; }
    else { st.textContent = ""; }
    clock(s.locked || s.reveal ? null : s.seconds_left);
  }

  // 知识竞赛: the phone is a buzzer, and the answering team's members answer for their team
  function contest(s, q, c) {
    var we = s.individual ? "您" : "本队";
    var other = c.answering || "";
    $("qno").textContent = c.round_name + "　第 " + q.number + " 题　" + q.type_name;
    var open = c.ours && !c.oral && !s.answered && !s.locked && !c.judged && !s.reveal;
    $("options").hidden = !(c.ours && !c.oral);
    Array.prototype.forEach.call($("options").children, function (b, i) {
      b.disabled = !open;
      if (s.answered) { b.classList.toggle("on", mine(s.mine, q).indexOf(i) >= 0); }
    });
    $("submit").hidden = !open;
    $("submit").disabled = !open;
    var buzz = $("buzz");
    buzz.hidden = !c.member || (c.buzz !== "open" && c.buzz !== "wait");
    buzz.disabled = c.buzz !== "open";
    var t;
    if (!c.member) { t = "您不在参赛队中，请看投影。"; }
    else if (c.buzz === "wait") { t = "请准备：主持人开始计时后即可抢答。"; }
    else if (c.buzz === "open") { t = "抢到后由" + we + "作答。"; }
    else if (c.buzz === "closed") { t = "抢答时间已到。"; }
    else if (c.ours) {
      t = (c.buzz === "won" ? we + "抢到了！" : "轮到" + we + "作答。") +
          (c.oral ? "请口头作答。" : (open ? "请选择答案并提交（第一个提交的即为" + we + "的答案）。" : ""));
    } else if (c.buzz === "taken") {
      t = other + "已抢到" + (c.buzzer && c.buzzer !== other ? "（" + c.buzzer + "）" : "") + "，" + other + "作答中。";
    } else { t = other ? other + "作答中。" : "请看投影。"; }
    $("turn").textContent = t;
    $("turn").hidden = false;
    var st = $("status");
    st.className = "status";
    if (s.reveal) {
      var verdict = !s.answered ? "" : s.reveal.correct ? we + "回答正确！" : we + "回答错误。";
      st.textContent = verdict + "正确答案：" + s.reveal.answer_text;
      if (s.answered) { st.classList.add(s.reveal.correct ? "good" : "bad"); }
    } else if (s.answered) { st.textContent = we + "已提交" + (c.by && !s.individual ? "（" + c.by + "）" : "") + "，请等待判定。"; }
    else if (c.ours && !c.oral && (s.locked || c.judged)) { st.textContent = c.judged ? "主持人已判定。" : "作答时间已到。"; }
    else if (!buzz.hidden) { st.textContent = ""; }
    else { st.textContent = st.dataset.keep || ""; }
    st.dataset.keep = "";
    clock(s.locked || s.reveal || c.judged || s.answered ? null : s.seconds_left);
  }

  $("buzz").addEventListener("click", function () {
    if (!current) { return; }
    $("buzz").disabled = true;
    post("api/buzz", { token: token, q: current.index }).then(function (r) {
      if (!r.ok) { $("status").textContent = r.data.error; $("status").dataset.keep = r.data.error; }
    }).catch(function () { $("status").textContent = "网络不稳，请再按一次。"; $("buzz").disabled = false; });
  });

  function mine(answer, q) {
    if (q.type === "judge") { return answer === true ? [0] : answer === false ? [1] : []; }
    return Array.isArray(answer) ? answer : (typeof answer === "number" ? [answer] : []);
  }

  function drawOptions(q) {
    var box = $("options");
    box.textContent = "";
    if (q.type === "paper") { return; }
    var labels = q.type === "judge" ? ["正确", "错误"] : q.options.map(function (o, i) {
      return "ABCDEFGH".charAt(i) + "．" + o;
    });
    labels.forEach(function (text, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.addEventListener("click", function () {
        if (q.type === "multiple") {
          var at = chosen.indexOf(i);
          if (at >= 0) { chosen.splice(at, 1); } else { chosen.push(i); }
        } else { chosen = [i]; }
        Array.prototype.forEach.call(box.children, function (c, j) { c.classList.toggle("on", chosen.indexOf(j) >= 0); });
      });
      box.appendChild(b);
    });
  }

  $("submit").addEventListener("click", function () {
    if (!current || !chosen.length) { $("status").textContent = "请先选择答案。"; return; }
    var answer = current.type === "multiple" ? chosen.slice().sort() :
                 current.type === "judge" ? chosen[0] === 0 : chosen[0];
    $("submit").disabled = true;
    post("api/answer", { token: token, q: current.index, answer: answer }).then(function (r) {
      if (!r.ok) { $("status").textContent = r.data.error; $("submit").disabled = false; }
    }).catch(function () { $("status").textContent = "网络不稳，请再点一次“提交”。"; $("submit").disabled = false; });
  });

  function clock(left) {
    if (ticking) { clearInterval(ticking); ticking = null; }
    if (left === null || left === undefined) { $("clock").textContent = ""; return; }
    var end = Date.now() + left * 1000;
    var tick = function () {
      var s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      $("clock").textContent = s + " 秒";
    };
    tick();
    ticking = setInterval(tick, 250);
  }

  if (token) { listen(); } else { loadPeople(); }
})();
