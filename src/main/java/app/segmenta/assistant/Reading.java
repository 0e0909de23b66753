package app.segmenta.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a question was read: what it asks for and about whom. Shown first in every answer.
 *
 * @param compareWith the second audience of a comparison
 * @param k           segments asked for; null = chosen from the data
 * @param customer    the customer a profile question names
 * @param segment     the segment number a question names
 * @param format      md, json, csv or pdf for an export
 * @param followUp    true when the question refined the conversation's previous reading
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reading(Intent intent, Criteria criteria, Criteria compareWith, Integer k,
                      String algorithm, String customer, Integer segment, String format, Boolean followUp) {

    public Reading {
        criteria = criteria == null ? Criteria.EVERYONE : criteria;
    }
}
