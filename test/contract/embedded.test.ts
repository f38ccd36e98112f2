import { EmbeddedSearchEngine } from "~/search/embedded/engine";
import { runSearchEngineContract } from "./search-engine.contract";

runSearchEngineContract("embedded", async () => new EmbeddedSearchEngine());
