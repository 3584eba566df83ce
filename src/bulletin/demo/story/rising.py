"""The first hours: the warning goes up and the river rises faster than forecast.

Fiction written for Bulletin's demo: Marrowby, the River Sennet, the Lowfold Valley and
everyone quoted are invented.
"""

from .scripted import Picture, ScriptedPost

RISING = (
    ScriptedPost(
        minutes=450,
        key="warning",
        headline="Severe flood warning for the Sennet at Marrowby",
        credit="Reporting by Nell Arden in Marrowby",
        body="""\
**Marrowby, {clock}** — The Lowfold River Authority has raised its highest alert, a severe
flood warning, for the River Sennet where it runs through the centre of Marrowby. After
two days of almost unbroken rain over the upper valley, the gauge at Sennet Bridge stands
at 3.42 metres and is climbing by about 20 centimetres an hour. In a normal week the
river there is less than a metre deep, and it has not been this high since the quay
walls were finished.

The warning covers Quay Street, Mill Lane, Tanners Row and the Riverside estate, about
1,100 homes in all. People living there are told to move valuables and medicines
upstairs, keep a bag packed and be ready to leave at short notice. The council has
opened its emergency control room at the town hall and says it will hold a public
briefing every two hours for as long as the warning lasts.

This page follows the flood as it develops, with updates from our reporters in Marrowby
and along the valley, and a summary of the main points every few hours.""",
    ),
    ScriptedPost(
        minutes=440,
        headline="What a severe flood warning means",
        credit="Reporting by Jamie Thornbury",
        links=({"title": "How the valley’s flood alerts work", "url": "https://example.com/flood-alerts"},),
        body="""\
**Explainer** — The river authority uses three levels of alert, and Marrowby is now at
the top one. A severe flood warning means flooding is expected and there is a danger to
life. It asks everyone in the streets it names to move people, pets and important papers
to an upper floor; to switch off gas, electricity and water at the mains if it is safe to
do so; and to follow what the emergency services say, including any order to leave.

Above all, it asks people to keep out of flood water. Fifteen centimetres of fast water
can knock an adult off their feet, and 60 centimetres can float a car. Water in the
street also hides open drain covers, broken glass and sewage.

The middle level, a flood warning, means flooding is expected but not yet dangerous. The
lowest, a flood alert, means flooding is possible and people should be prepared. The
authority lowers an alert step by step, so a severe warning is usually followed by a
plain flood warning for some hours before it is lifted altogether.""",
    ),
    ScriptedPost(
        minutes=425,
        headline="Rain band stalls over the upper valley",
        credit="Reporting by Kofi Amankwah",
        pictures=(Picture(
            scene="rain_radar",
            alt="Illustrated weather radar map: a broad band of green and yellow rain, turning "
                "red over the hills north of the town, with the river running south through it.",
            caption="How the rain band sat over the upper valley, drawn from the weather office’s radar.",
        ),),
        body="""\
**Weather office, {clock}** — Forecasters say the band of rain that has sat over the
Lowfold hills since the storm arrived is moving far more slowly than expected. The gauge
at Ellerdyke, 14 kilometres upstream of Marrowby, has recorded 112 millimetres in 48
hours, close to a month’s worth, and the rain there is still heavy.

> The ground up there was already soaked. Almost everything that falls now runs straight
> off the hillsides and into the streams that feed the Sennet.

That was Morwen Tally, the duty forecaster at the regional weather office. She expects
another 15 to 25 millimetres before the band clears to the east, with the heaviest
bursts in the next three hours. Water takes roughly six hours to travel from Ellerdyke
down to Marrowby, so the rain falling on the hills now will decide how high the river
gets in town later. The weather office has its own warning for heavy rain in force
across the whole valley and says it may extend it.""",
    ),
    ScriptedPost(
        minutes=410,
        headline="Rest centre opens at Cornmarket Hall",
        credit="Reporting by Nell Arden",
        body="""\
**Marrowby, {clock}** — Lowfold Valley Council has opened Cornmarket Hall, on the high
ground above Market Square, as a rest centre for anyone who leaves home because of the
flood. It has camp beds for 500 people, hot drinks and food, and a quiet room for
families with young children. Pets are welcome on a lead or in a carrier.

A council spokesperson said a second centre, at the Lowfold Academy sports hall, is being
made ready in case the first fills up.

> Nobody should stay in a house they are worried about because they think there is
> nowhere to go. There is space, there is food and there are people to help.

Volunteers from two church groups and the town’s rugby club are setting up beds. The
council asks people who can stay with friends or family outside the warning area to do
so, and to tell the rest centre, so that nobody is counted as missing.""",
    ),
    ScriptedPost(
        minutes=395,
        headline="Sandbags go up on Quay Street",
        credit="Reporting by Rosa Lindqvist on Quay Street",
        pictures=(Picture(
            scene="sandbags",
            alt="Illustration of a wall of brown sandbags stacked three rows high across the "
                "front door of a terraced house, under grey rain clouds.",
            caption="Sandbags stacked across front doors on Quay Street.",
        ),),
        body="""\
**Quay Street, {clock}** — Along the riverside terrace, neighbours are passing sandbags
hand to hand from a council lorry parked at the top of the street. Most front doors
already have a low wall of bags across them; some people are stacking a second row
against air bricks and cellar hatches.

Walter Finchley, 74, has lived on Quay Street for 41 years and remembers the last
serious flood, when he was in his twenties.

> It came over the quay wall in about an hour and sat in the front room for three days.
> You don’t forget the smell. This time everything that matters is upstairs already.

Council staff say they have handed out 6,000 bags from the depot on Station Road and
are filling more. They ask people not to take bags from other streets’ stacks, because
some homes are still waiting for theirs, and to remember that sandbags slow water down
rather than stop it: anything that matters should still go upstairs. A second lorry is
due within the hour, and volunteers from the rugby club have offered to carry bags to
older residents who cannot lift them.""",
    ),
    ScriptedPost(
        minutes=380,
        headline="Trains suspended and main roads closing",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Travel, {clock}** — The Sennet Valley Railway has suspended all trains between Marrowby
and Fennick Cross after water reached the track bed near the Ellerdyke viaduct.
Replacement buses leave the bus station on Station Road every 30 minutes, but the
operator warns of long delays.

These roads are now closed:

- Quay Street and Mill Lane, in both directions.
- The Ellerdyke road along the river, between Marrowby and Ellerdyke.
- Tanners Row, at its junction with Sennet Bridge.

Police say Sennet Bridge itself is open for now but may close at short notice. Drivers
are asked to keep out of the town centre unless their journey is essential, and not to
follow satellite navigation down flooded lanes in the valley: most of the cars stuck so
far were sent there by a phone. The council’s gritting lorries, which sit higher off the
road than a car, are being used to ferry staff between the depot and the town hall, and
the hill road through Fennick Cross is open but slow, with queues at the single-track
bridge at the top of the village.""",
    ),
    ScriptedPost(
        minutes=365,
        headline="Boat crews arrive from across the region",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Marrowby fire station, {clock}** — Lowfold Fire and Rescue says 40 firefighters and six
rescue boats are now in Marrowby, including crews sent by three neighbouring services.
Two high-volume pumps are on their way to protect the electricity substation behind
Tanners Row, which supplies most of the town centre.

Station commander Tobias Rennard said crews had spent the past few hours checking on
people who told the council they might need help to leave.

> Our priority is the people who can’t get out on their own: older residents, people
> with disabilities, families with small babies. If that is you, or someone you know,
> ring us now rather than waiting for the water.

The service has answered 38 calls in the valley so far, most of them to cars stuck on
flooded roads. Nobody has been seriously hurt. Crews have set up a forward base in the
car park of the Lowfold Academy, on higher ground south of the river, so that boats can
be launched quickly onto any street that floods, and a mobile kitchen is on its way to
keep them fed through what is expected to be a long shift.""",
    ),
    ScriptedPost(
        minutes=350,
        headline="River rising faster than forecast",
        credit="Reporting by Nell Arden",
        pictures=(Picture(
            scene="river_gauge",
            alt="Illustrated line chart of the river level at Sennet Bridge climbing steeply "
                "from under one metre towards a dashed red line marking the 4.6 metre flood walls.",
            caption="The Sennet at Marrowby, in metres, against the height of the town’s flood walls.",
        ),),
        body="""\
**Sennet Bridge, {clock}** — The gauge under Sennet Bridge now reads 3.91 metres, almost
half a metre higher than two hours ago. The river authority’s own forecast had the
Sennet reaching that level much later.

Dr Amara Felling, the authority’s lead hydrologist for the valley, explained what that
means for the town’s defences.

> The walls along the quay were built for a river of 4.6 metres. We now think the peak
> will be somewhere between 4.6 and 5 metres, which means water coming over the lowest
> sections, at the downstream end of Quay Street and on Mill Lane.

She said the authority began letting water out of the Brackwater reservoir earlier in
the week to make room for the rain, and that the reservoir itself is not at risk. Staff
have been posted along the quay to watch the walls and the joints between their sections,
where water tends to find its way through first, and temporary barriers are being bolted
into the gaps at the slipway and the old ferry steps.""",
    ),
    ScriptedPost(
        minutes=335,
        headline="Schools and the college closed",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Education, {clock}** — Lowfold Valley Council has confirmed that these schools will
stay closed until further notice:

- Lowfold Academy, whose sports hall is being kept ready as a second rest centre.
- Quayside Primary and Mill Lane Infants, both inside the warning area.
- Fennick Cross Primary, because the road to the village is under water.
- The Marrowby campus of Lowfold College, evening classes included.

Other schools in the valley are open, but the council says parents should keep children
at home if the journey means crossing the river or driving along any flooded road. Exams
due at the college have been put back, and students will be told the new dates by email.
Head teachers are posting updates on their schools’ websites, and the council will read
out a full list at each of its briefings. School buses from the villages north of the
river are running as normal, but the routes that cross Sennet Bridge have been cancelled,
and the council says it will pay for taxis for children with special needs whose usual
transport cannot get through.""",
    ),
    ScriptedPost(
        minutes=320,
        key="evacuation",
        headline="Riverside estate told to leave",
        credit="Reporting by Rosa Lindqvist",
        body="""\
**Riverside estate, {clock}** — Police and the council have ordered the evacuation of
the Riverside estate, about 600 homes on the low ground south of Mill Lane. Officers are
going door to door, and three buses are waiting on Hollin Road to take people to
Cornmarket Hall.

Inspector Marguerite Haye of Lowfold Police said the order followed the river
authority’s new forecast, and that the estate would flood first if the walls were
overtopped.

> I know it is hard to leave your home when the water is not yet at the door. But once
> it comes, it will come quickly, and it is far safer for everyone if people go now,
> while the roads are still clear.

Officers are keeping a record of every house they visit. Anyone who refuses to leave is
asked for a name and a phone number, so crews know who is still inside. Patrols will
stay on the estate to guard the empty homes.""",
    ),
)
