// Aggregate fields: visits every member of a plain struct in declaration order, with no list of
// its members written anywhere but the struct itself, so a member added later is never missed.
// Used to write the content model to the content snapshot (content_snapshot.h) and read it back.
//
// Contract: T is an aggregate with no base classes, no C arrays, no reference members and at most
// 24 members (a static_assert says so otherwise). FieldCount counts the members by brace
// initialisation from objects that convert to any type, the largest count that compiles; VisitFields
// binds that many names with a structured binding, so a count that were wrong would not compile.
#pragma once
#include <cstddef>
#include <type_traits>
#include <utility>

namespace kiosk::core::fields
{
struct AnyField
{
    template <typename T> operator T() const; // never defined: only used unevaluated
};

// True when T{a_0, ..., a_n-1} compiles for n = Seq's length.
template <typename T, typename Seq, typename = void> struct InitialisesFrom : std::false_type
{
};
template <typename T, size_t... I>
struct InitialisesFrom<T, std::index_sequence<I...>, std::void_t<decltype(T{(static_cast<void>(I), AnyField{})...})>>
    : std::true_type
{
};

template <typename T, size_t N = 0> constexpr size_t FieldCount()
{
    static_assert(std::is_aggregate_v<T>, "only plain structs are visited field by field");
    if constexpr (N > 24 || !InitialisesFrom<T, std::make_index_sequence<N + 1>>::value)
        return N;
    else
        return FieldCount<T, N + 1>();
}

// Calls f(member) for each member of `object` (const or not), in declaration order.
template <typename T, typename F> void VisitFields(T& object, F&& f)
{
    constexpr size_t n = FieldCount<std::remove_const_t<T>>();
    static_assert(n >= 1 && n <= 24, "VisitFields handles structs of 1 to 24 members");
    if constexpr (n == 1)
    {
        auto& [m0] = object;
        (f(m0));
    }
    else if constexpr (n == 2)
    {
        auto& [m0, m1] = object;
        (f(m0), f(m1));
    }
    else if constexpr (n == 3)
    {
        auto& [m0, m1, m2] = object;
        (f(m0), f(m1), f(m2));
    }
    else if constexpr (n == 4)
    {
        auto& [m0, m1, m2, m3] = object;
        (f(m0), f(m1), f(m2), f(m3));
    }
    else if constexpr (n == 5)
    {
        auto& [m0, m1, m2, m3, m4] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4));
    }
    else if constexpr (n == 6)
    {
        auto& [m0, m1, m2, m3, m4, m5] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5));
    }
    else if constexpr (n == 7)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6));
    }
    else if constexpr (n == 8)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7));
    }
    else if constexpr (n == 9)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8));
    }
    else if constexpr (n == 10)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9));
    }
    else if constexpr (n == 11)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10));
    }
    else if constexpr (n == 12)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11));
    }
    else if constexpr (n == 13)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12));
    }
    else if constexpr (n == 14)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13));
    }
    else if constexpr (n == 15)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14));
    }
    else if constexpr (n == 16)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15));
    }
    else if constexpr (n == 17)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16));
    }
    else if constexpr (n == 18)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17));
    }
    else if constexpr (n == 19)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18));
    }
    else if constexpr (n == 20)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18), f(m19));
    }
    else if constexpr (n == 21)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18), f(m19), f(m20));
    }
    else if constexpr (n == 22)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21] =
            object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18), f(m19), f(m20), f(m21));
    }
    else if constexpr (n == 23)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21,
               m22] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18), f(m19), f(m20), f(m21), f(m22));
    }
    else if constexpr (n == 24)
    {
        auto& [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22,
               m23] = object;
        (f(m0), f(m1), f(m2), f(m3), f(m4), f(m5), f(m6), f(m7), f(m8), f(m9), f(m10), f(m11), f(m12), f(m13), f(m14),
         f(m15), f(m16), f(m17), f(m18), f(m19), f(m20), f(m21), f(m22), f(m23));
    }
}
} // namespace kiosk::core::fields
