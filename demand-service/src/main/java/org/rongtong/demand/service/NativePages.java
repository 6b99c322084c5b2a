package org.rongtong.demand.service;

import java.util.List;

import org.rongtong.persistence.paging.Pages;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Paging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** One page of a filtered native query and the total it is a page of: the lists of demands and sessions share it. */
final class NativePages {

    private NativePages() {
    }

    /**
     * @param from   {@code FROM table alias WHERE …} with named parameters
     * @param params name and value pairs for those parameters
     */
    static <T> Uni<Page<T>> page(Class<T> entity, String alias, String from, String orderBy, List<Object[]> params, int page, int size) {
        String items = "SELECT " + alias + ".* " + from + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET " + Paging.offset(page, size);
        String count = "SELECT count(*) " + from;
        return Panache.getSession().chain(session -> {
            var itemQuery = session.createNativeQuery(items, entity);
            var countQuery = session.createNativeQuery(count, Long.class);
            for (Object[] p : params) {
                itemQuery.setParameter((String) p[0], p[1]);
                countQuery.setParameter((String) p[0], p[1]);
            }
            return Pages.countThenList(countQuery::getSingleResult, itemQuery::getResultList, page, size);
        });
    }
}
