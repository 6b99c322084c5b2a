package org.rongtong.matching.service.export;

import java.util.List;

/** One sheet of an export: a title (the sheet's name), Chinese column headers and rows of strings and numbers. */
public record Table(String title, List<String> headers, List<List<Object>> rows) {
}
