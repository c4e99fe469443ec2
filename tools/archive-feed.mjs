// Writes www/feeds/archive.json: a made-up city's year of outages and maintenance (2023),
// for the archive demo page (www/archive.html), where the timeline has enough pages to try
// "더 보기" and "최근 사건 보기". Deterministic: the same file every run.
//   node tools/archive-feed.mjs
import { writeFileSync } from "node:fs";

let seed = 20231231;
/** A pseudo-random integer in 0..n (a fixed linear congruential sequence). */
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
};
const pick = (list) => list[rand(list.length)];

const services = [
  { id: "minwon", name: { ko: "온라인 민원 신청", en: "Online applications" } },
  { id: "tax", name: { ko: "지방세 납부", en: "Local tax payment" } },
  { id: "parking", name: { ko: "주차 요금 납부", en: "Parking payment" } },
  { id: "library", name: { ko: "도서관 좌석 예약", en: "Library seat booking" } },
  { id: "facility", name: { ko: "공공시설 예약", en: "Public facility booking" } },
];
const causes = [
  { ko: "데이터베이스 서버 과부하", en: "Database server overload" },
  { ko: "네트워크 장비 고장", en: "Network equipment failure" },
  { ko: "보안 인증서 만료", en: "Expired security certificate" },
  { ko: "외부 결제대행사 장애", en: "Payment provider outage" },
  { ko: "저장 장치 용량 부족", en: "Storage full" },
];
const workarounds = {
  minwon: { ko: "가까운 주민센터에서 방문 신청할 수 있습니다.", en: "Apply in person at any community centre." },
  tax: { ko: "납부 기한이 지나도 가산금 없이 다음 날까지 납부할 수 있습니다.", en: "Payments are accepted without penalty until the next day." },
  parking: { ko: "현장 정산기를 이용해 주세요.", en: "Use the pay machines on site." },
  library: { ko: "도서관 안내데스크에서 좌석을 배정받을 수 있습니다.", en: "Seats can be assigned at the library's front desk." },
  facility: { ko: "시설 관리사무소에 전화로 예약할 수 있습니다.", en: "Book by phone with the facility's office." },
};

const pad = (n) => String(n).padStart(2, "0");
/** RFC 3339 in KST for 2023, month `m` (1–12), day `d`, `minutes` after midnight. */
const at = (m, d, minutes) => {
  const t = new Date(Date.UTC(2023, m - 1, d, 0, minutes));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00+09:00`;
};

const incidents = [];
for (let m = 1; m <= 12; m++) {
  // Maintenance on the second Saturday, midnight to 4 a.m.
  const firstDay = new Date(Date.UTC(2023, m - 1, 1)).getUTCDay();
  const saturday = 1 + ((6 - firstDay + 7) % 7) + 7;
  incidents.push({
    id: `2023-${pad(m)}-maintenance`, kind: "maintenance", severity: "minor", status: "completed",
    title: { ko: `${m}월 정기 점검`, en: `Monthly maintenance (${m}/2023)` },
    scheduled: { from: at(m, saturday, 0), until: at(m, saturday, 240) },
    impacts: ["minwon", "tax"].map((service) => ({ service, status: "maintenance", from: at(m, saturday, 0), until: at(m, saturday, 240) })),
    updates: [{ at: at(m, saturday, 240), status: "completed", text: { ko: "점검을 마쳤습니다.", en: "Maintenance is complete." } }],
  });
  // Three to five outages a month.
  for (let k = 0, n = 3 + rand(3); k < n; k++) {
    const service = pick(services);
    const cause = pick(causes);
    const day = 1 + rand(28);
    const start = 8 * 60 + rand(10 * 60);
    const found = start + 5 + rand(40);
    const end = found + 15 + rand(300);
    const level = pick(["down", "partial", "degraded"]);
    incidents.push({
      id: `2023-${pad(m)}-${pad(day)}-${service.id}-${k}`, kind: "outage",
      severity: level === "down" ? "major" : "minor", status: "resolved",
      title: { ko: `${service.name.ko} ${level === "down" ? "접속 장애" : "지연"}`, en: `${service.name.en} ${level === "down" ? "outage" : "slowdown"}` },
      started_at: at(m, day, start), ended_at: at(m, day, end), cause,
      impacts: [{ service: service.id, status: level, from: at(m, day, start), until: at(m, day, end) }],
      workarounds: [{ text: workarounds[service.id] }],
      updates: [
        { at: at(m, day, found), status: "identified", text: { ko: `원인을 확인했습니다: ${cause.ko}.`, en: `Cause found: ${cause.en.toLowerCase()}.` } },
        { at: at(m, day, end), status: "resolved", text: { ko: "복구를 마쳤습니다.", en: "Service is restored." } },
      ],
    });
  }
}

const feed = {
  version: 1,
  publisher: { name: { ko: "예시시청 (데모)", en: "Example City Hall (demo)" }, time_zone: "Asia/Seoul" },
  updated_at: "2024-01-01T09:00:00+09:00",
  services,
  incidents,
};
writeFileSync(new URL("../www/feeds/archive.json", import.meta.url), JSON.stringify(feed, null, 1) + "\n");
console.log(`www/feeds/archive.json: ${incidents.length} incidents`);
