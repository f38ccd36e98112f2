import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Button,
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Field,
  Notice,
  RadioGroup,
  Range,
  SearchField,
  Select,
  Table,
} from "~/components/ui";
import { keepLastData } from "~/offline";

describe("shared page components", () => {
  it("a button does not submit unless it says so, and takes its variant's class", () => {
    expect(renderToStaticMarkup(<Button>Go</Button>)).toBe('<button type="button">Go</button>');
    expect(
      renderToStaticMarkup(
        <Button variant="danger" small type="submit">
          Delete
        </Button>,
      ),
    ).toBe('<button type="submit" class="danger small">Delete</button>');
  });

  it("a field labels its control and names its hint and error in aria-describedby", () => {
    const html = renderToStaticMarkup(
      <Field id="field-email" label="Email" hint="Your work address" error="Required">
        {(control) => <input {...control} name="email" />}
      </Field>,
    );
    expect(html).toContain('<label for="field-email">Email</label>');
    expect(html).toContain(
      'id="field-email" aria-invalid="true" aria-describedby="field-email-hint field-email-error"',
    );
    expect(html).toContain('<p class="field-error" id="field-email-error">Required</p>');
  });

  it("a field without an error is not marked invalid", () => {
    const html = renderToStaticMarkup(
      <Field id="f" label="Name">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(html).toBe('<div class="field"><label for="f">Name</label><input id="f"/></div>');
  });

  it("a select puts its placeholder first", () => {
    const html = renderToStaticMarkup(<Select name="kind" placeholder="—" options={[{ value: "a", label: "A" }]} />);
    expect(html).toBe('<select name="kind"><option value="">—</option><option value="a">A</option></select>');
  });

  it("a checkbox sits inside its label", () => {
    expect(renderToStaticMarkup(<Checkbox name="need" value="x" label="X" />)).toBe(
      '<label class="checkbox"><input type="checkbox" name="need" value="x"/>X</label>',
    );
  });

  it("a radio group is a fieldset named by its legend, with its error read with it and one choice checked", () => {
    const html = renderToStaticMarkup(
      <RadioGroup
        id="field-q"
        name="q"
        legend="Where from?"
        defaultValue="b"
        error="Pick one"
        options={[
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ]}
      />,
    );
    expect(html).toContain(
      '<fieldset id="field-q" role="radiogroup" class="choice-group-field" aria-describedby="field-q-error" aria-invalid="true" data-invalid="true"><legend>Where from?</legend>',
    );
    expect(html).toContain('<p class="field-error" id="field-q-error">Pick one</p>');
    expect(html).toContain('<label class="radio"><input type="radio" name="q" value="a"/>A</label>');
    expect(html).toContain('<input type="radio" name="q" checked="" value="b"/>B');
  });

  it("a checkbox group checks what was chosen and is a plain group, never marked invalid itself", () => {
    const html = renderToStaticMarkup(
      <CheckboxGroup
        id="field-need"
        name="need"
        legend="Needs"
        defaultValues={["y"]}
        error="Too many"
        options={[
          { value: "x", label: "X" },
          { value: "y", label: "Y" },
        ]}
      />,
    );
    expect(html).not.toContain("role=");
    expect(html).not.toContain("aria-invalid");
    expect(html).toContain('<input type="checkbox" name="need" value="x"/>X');
    expect(html).toContain('<input type="checkbox" name="need" checked="" value="y"/>Y');
  });

  it("a slider says its value in words, to the eye and to a screen reader, with its ends shown", () => {
    const html = renderToStaticMarkup(
      <Range
        id="r"
        name="radiusKm"
        label="Radius"
        hint="Arrow keys step it"
        min={1}
        max={200}
        defaultValue={30}
        formatValue={(km) => `${km} km`}
        testId="radius-value"
      />,
    );
    expect(html).toContain('<label for="r">Radius</label>');
    expect(html).toContain('data-testid="radius-value" aria-hidden="true">30 km</output>');
    expect(html).toContain('aria-valuetext="30 km" aria-describedby="r-hint"');
    expect(html).toContain("<span>1 km</span><span>200 km</span>");
  });

  it("a search field labels its box, hidden or not, and puts its button beside it", () => {
    const html = renderToStaticMarkup(
      <SearchField id="s" name="q" label="Search" hideLabel buttonLabel="Go" testId="search-input" />,
    );
    expect(html).toContain('<label for="s" class="visually-hidden">Search</label>');
    expect(html).toContain(
      '<div class="search-box"><input id="s" type="search" data-testid="search-input" name="q"/><button type="submit">Go</button></div>',
    );
  });

  it("an error notice is an alert, a live one a status", () => {
    expect(renderToStaticMarkup(<Notice tone="error">No</Notice>)).toBe('<p role="alert" class="notice">No</p>');
    expect(renderToStaticMarkup(<Notice live>Saved</Notice>)).toBe('<p role="status" class="notice">Saved</p>');
  });

  it("the error summary is focusable, titled and links to the fields; with nothing to fix it is absent", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        title="Fix these"
        focusOn={null}
        data-testid="summary"
        items={[
          { key: "a", href: "#field-a", text: "A: required" },
          { key: "b", text: "Something else" },
        ]}
      />,
    );
    expect(html).toContain('tabindex="-1" aria-labelledby="error-summary-title"');
    expect(html).toContain('<h2 id="error-summary-title" class="error-summary-title">Fix these</h2>');
    expect(html).toContain('<a href="#field-a">A: required</a>');
    expect(html).toContain("<li>Something else</li>");
    expect(renderToStaticMarkup(<ErrorSummary title="x" focusOn={null} items={[]} />)).toBe("");
  });

  it("a sortable table marks the sorted column and names its buttons", () => {
    const html = renderToStaticMarkup(
      <Table
        columns={[
          { key: "name", label: "Name" },
          { key: "count", label: "Count", numeric: true },
        ]}
        sort={{ key: "count", descending: true }}
        onSort={() => undefined}
        sortLabel={(column) => `Sort by ${column}`}
      >
        <tr>
          <td>a</td>
          <td>1</td>
        </tr>
      </Table>,
    );
    expect(html).toContain('<th scope="col" aria-sort="descending" class="num">');
    expect(html).toContain('aria-label="Sort by Name"');
    expect(html).not.toMatch(/<th scope="col" aria-sort="[a-z]+">.*Name/);
  });

  it("a table's scrolling box takes keyboard focus and is named by the caption", () => {
    const html = renderToStaticMarkup(
      <Table caption="Demand by region">
        <tr>
          <td>a</td>
        </tr>
      </Table>,
    );
    const labelledBy = /<div class="table-scroll" tabindex="0" role="region" aria-labelledby="([^"]+)">/.exec(
      html,
    )?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<caption id="${labelledBy}" class="visually-hidden">Demand by region</caption>`);
  });
});

describe("keepLastData", () => {
  it("passes data through, answers the last data as offline when the network fails, and rethrows other errors", async () => {
    const keep = keepLastData<{ n: number }>();
    await expect(keep(async () => ({ n: 1 }))).resolves.toEqual({ n: 1 });
    await expect(keep(() => Promise.reject(new TypeError("Failed to fetch")))).resolves.toEqual({
      n: 1,
      offline: true,
    });
    await expect(keep(() => Promise.reject(new Error("500")))).rejects.toThrow("500");
  });

  it("the page's server-rendered data, remembered, is what a first failed load keeps", async () => {
    const keep = keepLastData<{ n: number }>();
    keep.remember({ n: 7 });
    await expect(keep(() => Promise.reject(new TypeError("Failed to fetch")))).resolves.toEqual({
      n: 7,
      offline: true,
    });
  });

  it("without data to keep, a network failure goes on to the error boundary", async () => {
    const keep = keepLastData<{ n: number }>();
    await expect(keep(() => Promise.reject(new TypeError("Failed to fetch")))).rejects.toThrow(TypeError);
  });
});
