import { describe, expect, it } from "vitest";
import { answered, hotlineOf } from "./one-document.js";

describe("hotline: initials of a lower-case phrase", () => {
  const hotline = hotlineOf(
    [
      "When President Barack Obama visited Beijing that November, the two presidents announced two memorandums of understanding on 12 November 2014.",
      "In March 2015, Obama and Xi announced that their defence ministers would hold talks on a new annex.",
    ],
    "2015-09-28",
  );

  it("GIVEN 'mou's' for the sources' 'memorandums of understanding' THEN the sentence announcing them dates the question", () => {
    const reply = answered(hotline.when("when did obama and xi announce the two defence mou's"));
    expect(reply.date?.iso).toBe("2014-11-12");
    expect(reply.quotes[0]?.text).toContain("memorandums of understanding");
  });
});
