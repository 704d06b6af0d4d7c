import { act, screen } from "@testing-library/react";
import { Suspense } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderInApp } from "@/test/render";
import { defineTexts, loadRegisteredTexts } from "./define-texts";

type Greeting = { hello: string };

function greetings() {
  const loads = { en: 0, nl: 0 };
  const texts = defineTexts<Greeting>({
    en: async () => {
      loads.en += 1;
      return { texts: { hello: "Hello" } };
    },
    nl: async () => {
      loads.nl += 1;
      return { texts: { hello: "Hallo" } };
    },
  });
  return { texts, loads };
}

/** Texts whose Dutch module arrives when the test says so. */
let arriveInDutch: (module: { texts: Greeting }) => void = () => undefined;
const slowTexts = defineTexts<Greeting>({
  en: async () => ({ texts: { hello: "Hello" } }),
  nl: () => new Promise((resolve) => (arriveInDutch = resolve)),
});

function SlowHello() {
  return <p>{slowTexts.useTexts().hello}</p>;
}

describe("defineTexts", () => {
  it("loads a language once, on first need, and only that language", async () => {
    const { texts, loads } = greetings();
    expect(texts.peek("nl")).toBeUndefined();
    await Promise.all([texts.load("nl"), texts.load("nl")]);
    expect(texts.peek("nl")).toEqual({ hello: "Hallo" });
    expect(loads).toEqual({ en: 0, nl: 1 });
  });

  it("suspends a component until its texts are there, then renders them", async () => {
    await renderInApp(
      <Suspense fallback={<p>loading</p>}>
        <SlowHello />
      </Suspense>,
      "nl",
    );
    expect(screen.getByText("loading")).toBeTruthy();
    await act(async () => arriveInDutch({ texts: { hello: "Hallo" } }));
    expect(screen.getByText("Hallo")).toBeTruthy();
  });

  it("loads every defined dictionary in a language before a switch", async () => {
    const { texts, loads } = greetings();
    await loadRegisteredTexts("en");
    expect(texts.peek("en")).toEqual({ hello: "Hello" });
    expect(loads.en).toBe(1);
  });

  it("tries a failed load again", async () => {
    const loader = vi
      .fn()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValue({ texts: { hello: "Hi" } });
    const texts = defineTexts<Greeting>({ en: loader, nl: loader });
    await expect(texts.load("en")).rejects.toThrow("offline");
    await expect(texts.load("en")).resolves.toEqual({ hello: "Hi" });
  });
});
