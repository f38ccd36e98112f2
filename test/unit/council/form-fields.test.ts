import { describe, expect, it } from "vitest";
import { formFields } from "~/council/routes.server";

describe("the listing form's fields", () => {
  it("read a list field from one value per pick (boxes, chips, the multi-select without JavaScript) or from one re-posted text alike", () => {
    const picked = new FormData();
    for (const code of ["29", "26"]) picked.append("industries", code);
    for (const code of ["startup_incubation", ""]) picked.append("services", code);
    picked.append("name_ko", "첫 값");
    picked.append("name_ko", "둘째 값");
    expect(formFields(picked, ["industries", "services", "name_ko", "source"])).toEqual({
      industries: "29;26",
      services: "startup_incubation",
      name_ko: "첫 값",
      source: "",
    });
    const reposted = new FormData();
    reposted.append("industries", "29;26");
    expect(formFields(reposted, ["industries"])).toEqual({ industries: "29;26" });
  });
});
