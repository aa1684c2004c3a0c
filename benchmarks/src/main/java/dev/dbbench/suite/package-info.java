/**
 * What the benchmark classes in this jar are, as the launcher, the report and the history read
 * them (which database a class needs). A package of its own below all of them, so none of them
 * has to import the launcher to know.
 */
package dev.dbbench.suite;
