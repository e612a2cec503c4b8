import { describe, expect, it } from "vitest";
import { answered, hotlineOf as oneDocument } from "./one-document.js";

const hotlineOf = (paragraphs: string[], published = "2019-03-01") =>
  oneDocument(paragraphs, published);

describe("hotline.when: the date of a sentence that states several", () => {
  it("GIVEN 'after an attack on 7 April 2018, … struck the sites a week later' THEN the strikes are dated a week later", () => {
    const hotline = hotlineOf([
      "After a suspected gas attack on Douma on 7 April 2018, the United States, Britain and France struck three weapons sites in Syria a week later.",
    ]);
    const answer = answered(hotline.when("when did Britain and France strike the weapons sites"));
    expect(answer.date?.iso).toBe("2018-04-14");
  });

  it("GIVEN 'On 9 May 2018, … signed a memorandum on the mechanism, which began operating in June 2018' THEN its operating is June and its signing 9 May", () => {
    const hotline = hotlineOf([
      "On 9 May 2018, during a visit to Tokyo by the premier, the two sides signed a memorandum on the maritime mechanism, which began operating in June 2018.",
    ]);
    expect(
      answered(hotline.when("when did the maritime mechanism start operating")).date?.iso,
    ).toBe("2018-06");
    expect(answered(hotline.when("when was the memorandum signed")).date?.iso).toBe("2018-05-09");
  });
});

describe("hotline.when: a relative date counted from the narrative's last date", () => {
  it("GIVEN 'On 4 April … three days later.' then 'The same day, … suspended' THEN the suspension is dated three days after 4 April", () => {
    const hotline = hotlineOf([
      "After a gas attack on 4 April 2017, the United States fired missiles at an air base three days later. The same day, the defence ministry announced that it was suspending the memorandum.",
    ]);
    expect(answered(hotline.when("when was the memorandum suspended")).date?.iso).toBe(
      "2017-04-07",
    );
  });
});

describe("hotline.when: 'has never' said of a side the account is not about", () => {
  it("GIVEN an account of an American-Soviet agreement that says China has never signed one THEN the agreement's signing keeps its date", () => {
    const hotline = hotlineOf([
      "The United States and the Soviet Union signed the incidents at sea agreement in Moscow on 25 May 1972.",
      "American and Soviet ships had played games of chicken for years.",
      "The United States and Russia still review the agreement every year.",
      "China has never signed an incidents at sea agreement with the United States.",
    ]);
    const answer = answered(hotline.when("when was the incidents at sea agreement signed"));
    expect(answer.date?.iso).toBe("1972-05-25");
  });
});

describe("hotline.when: a beginning does not date an end", () => {
  it("GIVEN 'a full-scale war began' on one day and 'ended the fighting' on another THEN 'when did the war stop' is the second", () => {
    const hotline = hotlineOf([
      "On 27 September 2020, a full-scale war began between the two armies.",
      "A statement signed by the two leaders on 10 November 2020 ended the fighting.",
      "The war killed thousands of soldiers on both sides.",
    ]);
    expect(answered(hotline.when("when did the 2020 war stop")).date?.iso).toBe("2020-11-10");
    expect(answered(hotline.when("when did the 2020 war start")).date?.iso).toBe("2020-09-27");
  });
});
