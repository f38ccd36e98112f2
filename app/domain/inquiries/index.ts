export * from "./lifecycle";
export * from "./working-days";
export * from "./consent";
export * from "./anti-automation";
export * from "./demand";
export * from "./access";
