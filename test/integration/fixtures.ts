/** A valid new facility of Daegu (region 27), as form fields. */
export const NEW_FACILITY = {
  kind: "business_incubator",
  name_ko: "대구 새싹 창업보육센터",
  name_en: "Daegu Sprout Incubator",
  lat: "35.8714",
  lng: "128.6014",
  coord_precision: "exact",
  industries: "26;58",
  services: "startup_incubation;networking",
  url: "https://sprout.example.kr",
  phone: "053-000-0000",
  address_ko: "대구광역시 중구",
  location_note: "",
  source: "대구 협의회 입력",
  external_id: "",
};
